import { randomBytes } from 'node:crypto';
import { loadConfig, query, type OrgId } from '@ci/platform';
import type { ProviderName } from './provider';

const AUTHORIZE: Record<ProviderName, string> = {
  github: 'https://github.com/login/oauth/authorize',
  gitlab: 'https://gitlab.com/oauth/authorize',
  bitbucket: 'https://bitbucket.org/site/oauth2/authorize',
};

const TOKEN: Record<ProviderName, string> = {
  github: 'https://github.com/login/oauth/access_token',
  gitlab: 'https://gitlab.com/oauth/token',
  bitbucket: 'https://bitbucket.org/site/oauth2/access_token',
};

export function authorizeUrl(provider: ProviderName): { url: string; state: string } {
  const state = randomBytes(16).toString('hex');
  const params = new URLSearchParams({
    client_id: process.env[`${provider.toUpperCase()}_CLIENT_ID`] ?? '',
    redirect_uri: `${loadConfig().publicUrl}/auth/${provider}/callback`,
    state,
    response_type: 'code',
  });
  return { url: `${AUTHORIZE[provider]}?${params}`, state };
}

/** Exchanges the OAuth code and stores the connection; the only way anyone signs in (0008). */
export async function completeOAuth(org: OrgId, provider: ProviderName, code: string): Promise<string> {
  const response = await fetch(TOKEN[provider], {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: process.env[`${provider.toUpperCase()}_CLIENT_ID`] ?? '',
      client_secret: process.env[`${provider.toUpperCase()}_CLIENT_SECRET`] ?? '',
      code,
      grant_type: 'authorization_code',
    }),
  });
  const { access_token: accessToken } = (await response.json()) as { access_token: string };
  const [row] = await query<{ id: string }>(
    'INSERT INTO oauth_connections (org_id, provider, access_token) VALUES ($1, $2, $3) ON CONFLICT (org_id, provider) DO UPDATE SET access_token = EXCLUDED.access_token RETURNING id',
    [org, provider, accessToken],
  );
  return row.id;
}

export async function accessTokenFor(org: OrgId, provider: ProviderName): Promise<string | undefined> {
  const rows = await query<{ access_token: string }>('SELECT access_token FROM oauth_connections WHERE org_id = $1 AND provider = $2', [org, provider]);
  return rows[0]?.access_token;
}
