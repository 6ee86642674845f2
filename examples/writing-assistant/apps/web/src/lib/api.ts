'use client';

// Browser-side calls to the backend, with the Clerk session token from the client SDK.
const BACKEND_URL = process.env.NEXT_PUBLIC_SCRIBE_API_URL ?? 'http://localhost:8000';

export async function callApi<T>(getToken: () => Promise<string | null>, path: string, init: RequestInit = {}): Promise<T> {
  const token = await getToken();
  const response = await fetch(`${BACKEND_URL}/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json', ...init.headers },
  });
  if (response.status === 402) {
    throw new Error('You have used this month’s generations. Upgrade to keep writing.');
  }
  if (!response.ok) {
    throw new Error(`request failed (${response.status})`);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export interface DocumentSummary {
  id: number;
  title: string;
  word_count: number;
  is_draft: boolean;
}
