export { changeStatus, conversationIdOf, openTicket } from './ticket.service';
export { listTickets } from './ticket.repository';
export { assignTicket } from './assignment';
export { breachedTickets, minutesUntilBreach } from './sla';
export { suggestArticles } from './suggestions';
export * from './types';
