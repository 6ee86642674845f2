import { UsageMeter } from '@/components/UsageMeter';

export default function BillingSettingsPage() {
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Plan and usage</h1>
      <UsageMeter />
      <form action="/api/billing/portal" method="post">
        <button type="submit" className="rounded border px-3 py-1.5">Manage subscription in Stripe</button>
      </form>
    </main>
  );
}
