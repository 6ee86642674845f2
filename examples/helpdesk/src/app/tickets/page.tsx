import { TicketList } from '@/components/TicketList';

const VIEWS = ['open', 'pending', 'solved'] as const;

export default function TicketsPage({ searchParams }: { searchParams: { status?: string } }) {
  const status = VIEWS.find((view) => view === searchParams.status) ?? 'open';
  return (
    <div className="flex flex-col gap-4">
      <header className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Tickets</h1>
        <nav aria-label="Views" className="flex gap-2 text-sm">
          {VIEWS.map((view) => (
            <a key={view} href={`?status=${view}`} aria-current={view === status ? 'page' : undefined}>
              {view}
            </a>
          ))}
        </nav>
      </header>
      <TicketList status={status} />
    </div>
  );
}
