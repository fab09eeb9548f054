import { type Client, isGrpcDeadlineError } from '@temporalio/client';
import pg from 'pg';
import { isDatabaseUnavailable } from '../db/errors.js';
import { isTemporalUnavailable } from '../temporal/errors.js';

export type Component = 'database' | 'temporal';

/** A dependency the request needed is down: answered 503 with Retry-After, naming the component. */
export class ComponentUnavailable extends Error {
  constructor(
    readonly component: Component,
    /** The lead the request had already started, if any, so the client can look it up later. */
    readonly leadId: string | null = null,
  ) {
    super(`${component === 'database' ? 'The database' : 'Temporal'} is unavailable`);
    this.name = 'ComponentUnavailable';
  }
}

/** Which component an error says is down, if it is an outage at all. */
export function outageOf(err: unknown): Component | null {
  if (err instanceof ComponentUnavailable) return err.component;
  if (isDatabaseUnavailable(err)) return 'database';
  if (isTemporalUnavailable(err)) return 'temporal';
  return null;
}

export interface Availability {
  /** Throws ComponentUnavailable when the component is known to be down right now. */
  assertUp(component: Component): void;
  /** Aborts when the component is next found down (already aborted while it is down). */
  downSignal(component: Component): AbortSignal;
  isUp(component: Component): boolean;
}

export interface AvailabilityMonitor extends Availability {
  stop(): void;
}

/**
 * Probes Postgres and Temporal every `intervalMs` (each probe bounded by `probeTimeoutMs`) and keeps
 * their state, so a request during an outage is answered 503 at once instead of waiting for the
 * client libraries' own retries (Temporal's client retries an unreachable frontend for ~20 s), and a
 * request in flight when a component goes down is cut short within about one interval.
 */
export function monitorAvailability(
  { databaseUrl, temporal }: { databaseUrl: string; temporal: Client },
  {
    intervalMs = 1000,
    probeTimeoutMs = 2000,
    timeoutsForDown = 3,
  }: { intervalMs?: number; probeTimeoutMs?: number; timeoutsForDown?: number } = {},
): AvailabilityMonitor {
  const state = new Map<Component, { up: boolean; slow: number; down: AbortController }>([
    ['database', { up: true, slow: 0, down: new AbortController() }],
    ['temporal', { up: true, slow: 0, down: new AbortController() }],
  ]);
  // Postgres is probed on a connection of its own: behind a busy pool a probe would time out and
  // call a loaded database down.
  let probeConnection: pg.Client | null = null;
  const probes: Record<Component, () => Promise<unknown>> = {
    async database() {
      if (!probeConnection) {
        const connection = new pg.Client({
          connectionString: databaseUrl,
          connectionTimeoutMillis: probeTimeoutMs,
        });
        connection.on('error', () => {
          if (probeConnection === connection) probeConnection = null;
        });
        try {
          await connection.connect();
        } catch (err) {
          await connection.end().catch(() => {});
          throw err;
        }
        probeConnection = connection;
      }
      const connection = probeConnection;
      try {
        await connection.query('SELECT 1');
      } catch (err) {
        probeConnection = null;
        await connection.end().catch(() => {});
        throw err;
      }
    },
    temporal: () =>
      temporal.withDeadline(Date.now() + probeTimeoutMs, () => temporal.workflowService.getSystemInfo({})),
  };

  const mark = (component: Component, up: boolean) => {
    const s = state.get(component)!;
    if (s.up === up) return;
    s.up = up;
    if (up) s.down = new AbortController();
    else s.down.abort(new ComponentUnavailable(component));
  };

  let running = false;
  const probeAll = async () => {
    if (running) return;
    running = true;
    try {
      await Promise.all(
        (Object.keys(probes) as Component[]).map(async (component) => {
          const s = state.get(component)!;
          try {
            await withTimeout(probes[component](), probeTimeoutMs);
            s.slow = 0;
            mark(component, true);
          } catch (err) {
            // Refused or reset: down now. Timeouts only `timeoutsForDown` in a row: on an overloaded
            // machine a healthy component answers slowly, and calling it down would refuse every lead.
            const timedOut = err instanceof ProbeTimeout || isGrpcDeadlineError(err);
            if (!timedOut || ++s.slow >= timeoutsForDown) mark(component, false);
          }
        }),
      );
    } finally {
      running = false;
    }
  };
  const timer = setInterval(probeAll, intervalMs);
  timer.unref();
  void probeAll();

  return {
    isUp: (component) => state.get(component)!.up,
    assertUp(component) {
      if (!state.get(component)!.up) throw new ComponentUnavailable(component);
    },
    downSignal: (component) => state.get(component)!.down.signal,
    stop() {
      clearInterval(timer);
      void probeConnection?.end().catch(() => {});
      probeConnection = null;
    },
  };
}

/**
 * Runs `fn` with its Temporal calls cancelled when `signal` aborts, and settles the moment it does:
 * the SDK may still be backing off between retries of an unreachable frontend, and the request must
 * not wait for that (the abandoned calls end on their own).
 */
export function untilAborted<T>(client: Client, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const work = client.withAbortSignal(signal, fn);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {});
      reject(signal.reason ?? new Error('aborted'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** For apps built without a monitor (most tests): everything is assumed up; errors still classify. */
export const assumeAvailable: Availability = {
  isUp: () => true,
  assertUp: () => {},
  downSignal: () => new AbortController().signal,
};

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ProbeTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

class ProbeTimeout extends Error {}
