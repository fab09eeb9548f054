import type { PoolClient } from 'pg';
import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../lib/logger.js';

// Another process (the import CLI, another API replica) that changes the corpus sends a NOTIFY on the
// corpus channel (intent/import.ts); this listener turns those into `onChange` calls. On a lost
// connection it listens again after a pause and calls `onChange` once, since notifications sent
// meanwhile are gone.

export interface CorpusListenerOptions {
  pool: Pool;
  logger: Logger;
  channel: string;
  /** Notifications carrying this payload are this process's own imports: ignored. */
  ownOrigin: string;
  onChange: () => void;
  /** Pause before listening again on a lost connection; default 5 s. */
  retryMs?: number;
}

export interface CorpusListener {
  stop(): Promise<void>;
}

export function listenForCorpusChanges(options: CorpusListenerOptions): CorpusListener {
  const { pool, logger, channel } = options;
  const retryMs = options.retryMs ?? 5_000;
  let client: PoolClient | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  const listen = (afterLoss: boolean): void => {
    if (stopped) return;
    let failed = false; // one retry per attempt, however many error events the connection emits
    const retry = (err: unknown) => {
      if (failed || stopped) return; // once stopped, stop() owns the client
      failed = true;
      logger.warn({ err }, `intent corpus listener lost; retrying in ${retryMs / 1000} s`);
      client?.release(true);
      client = null;
      retryTimer = setTimeout(() => listen(true), retryMs);
    };
    pool.connect().then(async (connected) => {
      if (stopped) return connected.release();
      client = connected;
      connected.on('error', retry);
      connected.on('notification', (msg) => {
        if (msg.channel !== channel || msg.payload === options.ownOrigin) return;
        logger.info('intent corpus changed elsewhere; reloading the index');
        options.onChange();
      });
      try {
        await connected.query(`LISTEN ${connected.escapeIdentifier(channel)}`);
      } catch (err) {
        return retry(err);
      }
      if (afterLoss) options.onChange();
    }, retry);
  };
  listen(false);

  return {
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const listening = client;
      // Cleared first: a connection error during UNLISTEN must not release the client a second time.
      client = null;
      if (listening) {
        await listening.query(`UNLISTEN ${listening.escapeIdentifier(channel)}`).catch(() => {});
        listening.release();
      }
    },
  };
}
