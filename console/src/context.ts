import { createContext } from 'preact';
import type { Session } from './session.js';

export interface SessionState {
  session: Session;
  /** The key stopped working: back to sign-in with a message. */
  expire: () => void;
  signOut: () => void;
}

export const SessionContext = createContext<SessionState>({
  session: null as unknown as Session,
  expire: () => {},
  signOut: () => {},
});

/** Server-side settings, carried in meta tags by api/routes/console.ts. */
export function setting(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="leadrail:${name}"]`)?.content ?? '';
}
