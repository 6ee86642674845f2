import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderName } from './provider';

/** Verifies that a push webhook really comes from the code host. */
export function verifyWebhook(provider: ProviderName, secret: string, rawBody: string, headers: Record<string, string | undefined>): boolean {
  if (provider === 'gitlab') {
    const token = headers['x-gitlab-token'] ?? '';
    return token.length === secret.length && timingSafeEqual(Buffer.from(token), Buffer.from(secret));
  }
  const header = provider === 'github' ? headers['x-hub-signature-256'] : headers['x-hub-signature'];
  if (!header) {
    return false;
  }
  const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
