// The extension is an API client like the web app (decision 0004); it shares no code with it.
export const API_URL = 'https://api.scribe.app/v1';

export interface Rewrite {
  text: string;
  model: string;
  tokens: number;
}

export async function rewrite(token: string, selection: string, tone: string): Promise<Rewrite> {
  const response = await fetch(`${API_URL}/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'rewrite', values: { text: selection, tone } }),
  });
  if (!response.ok) {
    throw new Error(response.status === 402 ? 'quota' : `HTTP ${response.status}`);
  }
  return (await response.json()) as Rewrite;
}
