'use client';

import { useEffect, useState } from 'react';
import { minutesUntilBreach } from '@/server/ticket';

/** Minutes left on the SLA, refreshed every minute; red once breached. */
export function SlaCountdown({ dueAt }: { dueAt: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = minutesUntilBreach(new Date(dueAt), now);
  const breached = minutes < 0;
  return (
    <span className={breached ? 'text-xs font-semibold text-red-700' : 'text-xs text-slate-600'} title={dueAt}>
      {breached ? `breached ${-minutes} min ago` : `${minutes} min left`}
    </span>
  );
}
