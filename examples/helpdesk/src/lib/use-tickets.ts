'use client';

import { useEffect, useState } from 'react';
import type { TicketSummary } from './types';
import { api } from './api-client';

export function useTickets(status?: string): { tickets: TicketSummary[]; loading: boolean; error?: string } {
  const [tickets, setTickets] = useState<TicketSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    api
      .get<TicketSummary[]>(`/tickets${status ? `?status=${status}` : ''}`)
      .then((rows) => !cancelled && setTickets(rows))
      .catch((e: Error) => !cancelled && setError(e.message))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [status]);
  return { tickets, loading, error };
}
