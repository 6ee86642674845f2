import { fetchUsage } from '@/server/backend';

/** Token usage this month against the plan, shown in the settings header. */
export async function UsageMeter() {
  const usage = await fetchUsage();
  const percent = Math.min(100, Math.round((usage.used / Math.max(1, usage.limit)) * 100));
  return (
    <div className="flex flex-col gap-1" aria-label="Usage this month">
      <div className="flex justify-between text-sm">
        <span className="capitalize">{usage.tier} plan</span>
        <span>
          {usage.used.toLocaleString()} / {usage.limit.toLocaleString()} tokens
        </span>
      </div>
      <div className="h-2 rounded bg-neutral-200">
        <div className={percent > 90 ? 'h-2 rounded bg-red-500' : 'h-2 rounded bg-violet-500'} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
