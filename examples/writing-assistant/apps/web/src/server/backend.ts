import 'server-only';
import { auth } from '@clerk/nextjs/server';

const BACKEND_URL = process.env.SCRIBE_API_URL ?? 'http://localhost:8000';

/** Calls the FastAPI backend from server components with the user's Clerk session token. */
export async function backend<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = await auth().getToken();
  const response = await fetch(`${BACKEND_URL}/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    cache: 'no-store',
  });
  if (!response.ok) {
    throw new Error(`backend ${path}: ${response.status}`);
  }
  return (await response.json()) as T;
}

export interface Usage {
  tier: string;
  used: number;
  limit: number;
}

export function fetchUsage(): Promise<Usage> {
  return backend<Usage>('/billing/usage');
}
