import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { LeadrailApiError } from '../../client/index.js';
import { SessionContext } from './context.js';

export type Resource<T> =
  | { state: 'loading'; data?: T; error?: undefined; reload: () => void }
  | { state: 'ready'; data: T; error?: undefined; reload: () => void }
  | { state: 'failed'; data?: T; error: Error; reload: () => void };

/**
 * Loads `load()` when `deps` change and keeps the last answer while reloading. A 401 (the key was
 * revoked or rotated meanwhile) ends the session.
 */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): Resource<T> {
  const { expire } = useContext(SessionContext);
  const [result, setResult] = useState<{ state: 'loading' | 'ready' | 'failed'; data?: T; error?: Error }>({
    state: 'loading',
  });
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const call = ++current.current;
    setResult((previous) => ({ state: 'loading', data: previous.data }));
    load().then(
      (data) => {
        if (call === current.current) setResult({ state: 'ready', data });
      },
      (error: unknown) => {
        if (call !== current.current) return;
        if (error instanceof LeadrailApiError && error.status === 401) expire();
        setResult((previous) => ({
          state: 'failed',
          data: previous.data,
          error: error instanceof Error ? error : new Error(String(error)),
        }));
      },
    );
  }, [...deps, generation]);

  return { ...result, reload } as Resource<T>;
}

/** A readable sentence for an error from the API or the network. */
export function describeError(error: unknown): string {
  if (error instanceof LeadrailApiError) {
    const details = Array.isArray(error.details)
      ? (error.details as Array<{ field?: string; message?: string }>)
          .filter((d) => d.field && d.message)
          .map((d) => `${d.field}: ${d.message}`)
      : [];
    const id = error.requestId ? ` (request ${error.requestId})` : '';
    return `${error.message}${details.length ? ` — ${details.join('; ')}` : ''}${id}`;
  }
  if (error instanceof TypeError) return 'The API could not be reached. Is the server running?';
  return error instanceof Error ? error.message : String(error);
}
