import { type CurrentKey, LeadrailApiError, LeadrailClient, type Scope } from '../../client/index.js';

// The operator's API key lives in sessionStorage only: gone when the tab closes, never in a URL,
// a cookie or localStorage. The console calls the API of the server it was loaded from.

const STORAGE_KEY = 'leadrail.console.api-key';

export interface Session {
  client: LeadrailClient;
  key: CurrentKey;
}

function clientFor(apiKey: string): LeadrailClient {
  return new LeadrailClient({ apiKey, baseUrl: window.location.origin });
}

/** Checks the key with GET /me; keeps it for this tab only when the API accepts it. */
export async function signIn(apiKey: string): Promise<Session> {
  const client = clientFor(apiKey.trim());
  const key = await client.getCurrentKey();
  sessionStorage.setItem(STORAGE_KEY, apiKey.trim());
  return { client, key };
}

/** The session kept in this tab, if its key still works; null otherwise. */
export async function resumeSession(): Promise<Session | null> {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return null;
  try {
    return await signIn(stored);
  } catch (err) {
    if (err instanceof LeadrailApiError && (err.status === 401 || err.status === 403)) signOut();
    throw err;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Whether the key may do what `scope` allows (admin may do everything). */
export function can(key: CurrentKey, scope: Scope): boolean {
  return key.scopes.includes(scope) || key.scopes.includes('admin');
}
