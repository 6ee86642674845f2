// Shapes the API returns, as the browser sees them (JSON, dates as strings).
export type { TicketPriority, TicketStatus, TicketSummary } from '@/server/ticket';
export type { ThreadMessage } from '@/server/conversation';
export type { ArticleHit, CategoryNode } from '@/server/knowledgebase';
