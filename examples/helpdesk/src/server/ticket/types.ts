export type TicketStatus = 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string | null;
  dueAt: string | null;
}

export interface NewTicket {
  subject: string;
  body: string;
  requesterEmail: string;
  priority?: TicketPriority;
}

/** Which status may follow which; anything else is a client bug. */
export const STATUS_TRANSITIONS: Record<TicketStatus, TicketStatus[]> = {
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'solved'],
  on_hold: ['open'],
  solved: ['open', 'closed'],
  closed: [],
};
