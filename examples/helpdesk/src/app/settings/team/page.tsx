import { InviteAgentForm } from '@/components/InviteAgentForm';

export default function TeamSettingsPage() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Team</h1>
      <p className="text-sm text-slate-600">Agents sign in with your company identity provider; we never store passwords.</p>
      <InviteAgentForm />
    </div>
  );
}
