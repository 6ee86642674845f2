import type PgBoss from 'pg-boss';
import { breachedTickets } from '@/server/ticket';

interface SweepRequest {
  tenantIds: string[];
}

// Every five minutes: tickets past their SLA get a reminder to the assignee (decision 0006).
export async function registerSlaReminders(boss: PgBoss): Promise<void> {
  await boss.schedule('sla-reminders', '*/5 * * * *');
  await boss.work<SweepRequest>('sla-reminders', async ([job]) => {
    for (const tenantId of job.data.tenantIds) {
      const breached = await breachedTickets(tenantId);
      if (breached.length > 0) {
        await boss.send('notify-breach', { tenantId, ticketIds: breached });
      }
    }
  });
}
