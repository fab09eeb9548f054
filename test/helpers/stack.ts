import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { type AppDeps, createApp } from '../../api/app.js';
import { DecidedLeads } from '../../api/decided-leads.js';
import type { EagerLeadStart } from '../../api/lead-submission.js';
import { insertAccount, issueApiKey, type Scope } from '../../db/accounts.js';
import { createPool } from '../../db/pool.js';
import type { IntentLimiterOptions } from '../../intent/http/limits.js';
import { type IntentServiceOptions, startIntentService } from '../../intent/service/index.js';
import type { KeyMode } from '../../lib/api-keys.js';
import { createLogger } from '../../lib/logger.js';
import { outboundFetch, type PrivateNetworkPolicy } from '../../lib/outbound.js';
import { connectClient } from '../../temporal/connect.js';
import { leadrailDataConverter } from '../../temporal/data-converter.js';
import { createLeadWorker } from '../../temporal/lead-worker.js';
import { testCorpusJsonl } from './intent-corpus.js';
import { testPayloadKeys } from './payload-keys.js';

export const silentLogger = createLogger({ level: 'silent' });

/** What globalSetup provides: the shared Temporal server and Postgres, and the workflow bundles. */
export interface TestRuntime {
  databaseUrl: string;
  temporalAddress: string;
  workflowBundlePath: string;
  intentWorkflowBundlePath: string;
}

function injectedRuntime(): TestRuntime {
  return {
    databaseUrl: inject('databaseUrl'),
    temporalAddress: inject('temporalAddress'),
    workflowBundlePath: inject('workflowBundlePath'),
    intentWorkflowBundlePath: inject('intentWorkflowBundlePath'),
  };
}

/**
 * The real stack for one test file: the shared Temporal dev server and Postgres from globalSetup, a
 * worker with the real activities on a task queue of its own, and the Hono app built around them.
 */
export async function startTestStack(
  options: {
    /** Also run the intent service (engine from Postgres + intent worker on a queue of its own). */
    intent?: Partial<
      Pick<
        IntentServiceOptions,
        'eagerStart' | 'cacheEntries' | 'llm' | 'maxInFlight' | 'targetLatencyMs'
      > & {
        /** The intent API's limits (the HTTP sub-app's). */
        limiter: IntentLimiterOptions;
        alertBucketSeconds: number;
      }
    >;
    /** The worker's outbound policy (lib/outbound.ts); default allow, as `npm start`. */
    outbound?: PrivateNetworkPolicy;
    /** The worker's fetch for deliveries and webhooks, instead of the policy's (e.g. loopback only). */
    fetchImpl?: typeof fetch;
    /**
     * Synchronous submissions start their run eagerly on this stack's worker, as api/main.ts does with
     * its own lead worker (LEAD_EAGER_START); default off: update-with-start, as a separate API does.
     */
    eagerLeads?: boolean;
    /** More of the app's settings (e.g. keyRateLimitCeiling), as api/main.ts passes them. */
    app?: Partial<Pick<AppDeps, 'keyRateLimitCeiling' | 'intentImportAccounts' | 'batchWaitBudgetMs'>>;
    /** A database of its own (default: the run's shared one from globalSetup). */
    databaseUrl?: string;
    /** Where the shared servers and bundles are (default: globalSetup's, via vitest's inject). */
    runtime?: TestRuntime;
  } = {},
) {
  const runtime = options.runtime ?? injectedRuntime();
  const databaseUrl = options.databaseUrl ?? runtime.databaseUrl;
  const address = runtime.temporalAddress;
  const pool = createPool(databaseUrl, 10);
  const payloadKeys = testPayloadKeys();
  const { client, connection } = await connectClient(address, 'default', payloadKeys);
  const nativeConnection = await NativeConnection.connect({ address });
  const taskQueue = `test-${randomUUID()}`;
  // The worker's decided writes answer the eager submissions waiting here, as api/main.ts wires it.
  const decided = new DecidedLeads();
  const worker: Worker = await createLeadWorker({
    connection: nativeConnection,
    namespace: 'default',
    taskQueue,
    payloadKeys,
    activities: createActivities({
      pool,
      temporal: { client, taskQueue },
      fetchImpl: options.fetchImpl ?? outboundFetch(options.outbound ?? 'allow'),
      payloadKeys,
      onLeadDecided: decided.notify,
    }),
    workflowBundlePath: runtime.workflowBundlePath,
  });
  const running = worker.run();
  const { limiter, alertBucketSeconds, ...intentOptions } = options.intent ?? {};
  const intent = options.intent
    ? await startIntentService({
        pool,
        databaseUrl,
        logger: silentLogger,
        connection: nativeConnection,
        namespace: 'default',
        payloadKeys,
        taskQueue: `intent-test-${randomUUID()}`,
        // A channel per stack: imports by other test files must not reload this one's index mid-test.
        corpusChannel: `intent_corpus_${randomUUID().replaceAll('-', '')}`,
        workflowBundlePath: runtime.intentWorkflowBundlePath,
        ...intentOptions,
      })
    : undefined;
  const eagerLeadStart: EagerLeadStart | undefined = options.eagerLeads
    ? {
        client: new Client({
          connection: nativeConnection,
          namespace: 'default',
          dataConverter: leadrailDataConverter(payloadKeys),
        }),
        decided,
      }
    : undefined;
  const app = createApp({
    pool,
    temporal: client,
    taskQueue,
    ...(eagerLeadStart ? { eagerLeadStart } : {}),
    logger: silentLogger,
    payloadKeys,
    ...(intent ? { intent, llmStatus: () => intent.llmStatus() } : {}),
    // Tests read reputation right after their queries.
    intentLimits: {
      limiter: { reputationCacheMs: 0, ...limiter },
      ...(alertBucketSeconds !== undefined ? { alertBucketSeconds } : {}),
    },
    ...options.app,
  });

  return {
    pool,
    client,
    /** With `eagerLeads`: the eager start on this stack's worker (its client and its decided leads). */
    eagerLeadStart,
    app,
    taskQueue,
    intent,
    /**
     * A new tenant with one API key. The key's rate limits are generous (not the documented
     * 1,000/hour, 100/minute) so that tests of other features never meet them; the rate-limit tests
     * use keys with the defaults.
     */
    async createAccount(
      options: {
        scopes?: Scope[];
        mode?: KeyMode;
        rateLimit?: { perHour?: number; perMinute?: number };
      } = {},
    ) {
      const account = await insertAccount(pool, `Test ${randomUUID().slice(0, 8)}`);
      const issued = await issueApiKey(pool, account.id, {
        rateLimit: { perHour: 1_000_000, perMinute: 100_000 },
        ...options,
      });
      return { accountId: account.id, key: issued.key, keyId: issued.id, account };
    },
    /** `app.request` with JSON and a bearer key. */
    async call(
      method: string,
      path: string,
      key: string | null,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      const res = await app.request(path, {
        method,
        headers: {
          ...(key ? { Authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { status: res.status, headers: res.headers, json, text };
    },
    /**
     * Imports the suite's intent corpus through the API (testCorpusJsonl) and makes sure this stack's
     * index holds all of it. Other files import the same rows: when one did first, the import here
     * changes nothing and rebuilds nothing, yet this stack's index may have been built while that
     * other import was under way (stacks do not hear each other's corpus notifications).
     */
    async importIntentCorpus(key: string) {
      const imported = await this.call('POST', '/intent/import', key, testCorpusJsonl(), {
        'Content-Type': 'application/x-ndjson',
      });
      if (imported.status === 200 && !imported.json.reloaded)
        imported.json.engine = await intent!.index.reload();
      return imported;
    },
    async stop() {
      await intent?.stop();
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await connection.close();
      await pool.end();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
