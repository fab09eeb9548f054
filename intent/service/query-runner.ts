import { ApplicationFailure, type Client, WorkflowFailedError } from '@temporalio/client';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { AccountIdAttr, IntentQueryIdsAttr } from '../../workflows/shared.js';
import type { IntentQueryResult } from '../engine.js';
import type { ValidIntentQueryRequest } from '../request.js';
import type {
  IntentBatchOutcome,
  IntentQueryInput,
  IntentQuerySummary,
  IntentResultStore,
} from '../temporal/activities.js';
import type { intentQueryBatchWorkflow, intentQueryWorkflow } from '../temporal/workflows.js';
import { IntentQueryFailed, IntentUnavailable } from './errors.js';
import type { LiveIndex } from './live-index.js';

// Each query runs in a short-lived workflow, started on the intent worker's own connection so the start
// is eager and the ranking runs in this process; the full result is taken from this process's store,
// the workflow's history keeps only a summary (docs/decisions/0004-...). Queries are coalesced as a
// database coalesces commits (decision 19): while fewer than `maxRunsInFlight` runs are under way a
// query starts its own run at once (`intentQueryWorkflow`, workflow id = query id); past that, the
// queries that arrive wait for the next free run slot and share one run (`intentQueryBatchWorkflow`,
// at most `maxBatch` queries of one account, each listed in its `IntentQueryIds` search attribute).
// So a quiet service adds no wait, and a busy one pays Temporal's per-run cost once per batch.

export interface IntentRun {
  queryId: string;
  result: IntentQueryResult;
  summary: IntentQuerySummary;
  eagerlyStarted: boolean;
  /** The result was not in this process (the workflow ran elsewhere); it was ranked again here. */
  reranked: boolean;
}

export interface QueryRunnerOptions {
  client: Client;
  taskQueue: string;
  index: LiveIndex;
  results: IntentResultStore;
  logger: Logger;
  /** Ask the server for eager workflow start (default true). */
  eagerStart?: boolean;
  /** How long to wait for a query's workflow; default 15 s. */
  resultTimeoutMs?: number;
  /** Runs under way above which arriving queries share the next run; 0: one run per query. Default 2. */
  maxRunsInFlight?: number;
  /** Most queries in one coalesced run (their ids must fit one search attribute value); default 50. */
  maxBatch?: number;
}

/** A coalesced run's search attribute holds every query id: 50 ids stay under its 2 KB value limit. */
export const MAX_QUERIES_PER_RUN = 50;

interface WaitingQuery {
  input: IntentQueryInput;
  accountId: string;
  answer(outcome: { summary: IntentQuerySummary; eagerlyStarted: boolean } | Error): void;
}

/** `q_<ulid>`: the query's id in the log, and its workflow id. */
export function newQueryId(): string {
  return newId('q');
}

export class QueryRunner {
  private readonly waiting: WaitingQuery[] = [];
  private runsInFlight = 0;
  private readonly maxRunsInFlight: number;
  private readonly maxBatch: number;

  constructor(private readonly options: QueryRunnerOptions) {
    this.maxRunsInFlight = options.maxRunsInFlight ?? 2;
    this.maxBatch = Math.min(MAX_QUERIES_PER_RUN, Math.max(1, options.maxBatch ?? MAX_QUERIES_PER_RUN));
  }

  /** Runs one query (alone or in a coalesced run) and waits for its answer. */
  async run(request: ValidIntentQueryRequest, accountId: string, queryId = newQueryId()): Promise<IntentRun> {
    const { index, logger } = this.options;
    const engine = index.engine;
    if (!engine) {
      throw new IntentUnavailable('index_loading', 'The intent index is loading; retry shortly', {}, 5);
    }
    const input: IntentQueryInput = {
      queryId,
      query: request.query,
      limit: request.limit,
      ...(request.filters ? { filters: request.filters } : {}),
    };
    const { summary, eagerlyStarted } = await new Promise<{
      summary: IntentQuerySummary;
      eagerlyStarted: boolean;
    }>((resolve, reject) => {
      this.waiting.push({
        input,
        accountId,
        answer: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)),
      });
      this.startRuns();
    });
    const stored = this.options.results.take(queryId);
    if (stored) return { queryId, result: stored.result, summary, eagerlyStarted, reranked: false };
    // The workflow ran on another process's intent worker (no eager start): rank again here. The index
    // is deterministic, so this is the same list unless that process holds a different corpus.
    logger.warn({ queryId }, 'intent result not in this process; ranked again locally');
    const result = await engine.query(input);
    return { queryId, result, summary, eagerlyStarted, reranked: true };
  }

  /** Queries waiting for a run slot (a gauge for operators and tests). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Starts runs for waiting queries while slots are free: one each when quiet, batches when busy. */
  private startRuns(): void {
    const unlimited = this.maxRunsInFlight === 0;
    while (this.waiting.length > 0 && (unlimited || this.runsInFlight < this.maxRunsInFlight)) {
      // The oldest query's account, and the queries of that account behind it, in arrival order.
      const accountId = this.waiting[0]!.accountId;
      const batch: WaitingQuery[] = [];
      for (let i = 0; i < this.waiting.length && batch.length < (unlimited ? 1 : this.maxBatch); ) {
        if (this.waiting[i]!.accountId === accountId) batch.push(...this.waiting.splice(i, 1));
        else i++;
      }
      this.runsInFlight++;
      this.runBatch(accountId, batch).finally(() => {
        this.runsInFlight--;
        this.startRuns();
      });
    }
  }

  /** One run for `batch` (all of one account); answers each query, never throws. */
  private async runBatch(accountId: string, batch: WaitingQuery[]): Promise<void> {
    const { client, logger, taskQueue } = this.options;
    const common = {
      taskQueue,
      requestEagerStart: this.options.eagerStart ?? true,
      workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
      workflowExecutionTimeout: '1 minute',
    };
    const alone = batch.length === 1;
    const runId = alone ? batch[0]!.input.queryId : newId('qb');
    let handle: Awaited<ReturnType<Client['workflow']['start']>>;
    try {
      handle = alone
        ? await client.workflow.start<typeof intentQueryWorkflow>('intentQueryWorkflow', {
            ...common,
            workflowId: runId,
            args: [batch[0]!.input],
            staticSummary: summaryOf(batch[0]!.input.query),
            typedSearchAttributes: [{ key: AccountIdAttr, value: accountId }],
          })
        : await client.workflow.start<typeof intentQueryBatchWorkflow>('intentQueryBatchWorkflow', {
            ...common,
            workflowId: runId,
            args: [batch.map((q) => q.input)],
            staticSummary: `${batch.length} queries, the first: ${summaryOf(batch[0]!.input.query)}`,
            typedSearchAttributes: [
              { key: AccountIdAttr, value: accountId },
              { key: IntentQueryIdsAttr, value: batch.map((q) => q.input.queryId) },
            ],
          });
    } catch (err) {
      logger.error({ err, runId, queries: batch.length }, 'intent workflow start failed');
      const failure = new IntentUnavailable(
        'temporal_unavailable',
        'The query could not be started; retry shortly',
      );
      for (const q of batch) q.answer(failure);
      return;
    }
    const eagerlyStarted = handle.eagerlyStarted;
    let outcomes: IntentBatchOutcome[];
    try {
      const result = await this.awaitResult(handle, runId);
      outcomes = alone ? [result as IntentQuerySummary] : (result as IntentBatchOutcome[]);
    } catch (err) {
      // A failed run fails each of its queries under the query's own id.
      for (const q of batch) {
        q.answer(err instanceof IntentQueryFailed ? new IntentQueryFailed(q.input.queryId) : (err as Error));
      }
      return;
    }
    const byId = new Map(outcomes.map((o) => [o.query_id, o]));
    for (const q of batch) {
      const outcome = byId.get(q.input.queryId);
      if (outcome && !('error' in outcome)) {
        q.answer({ summary: outcome, eagerlyStarted });
      } else {
        logger.error({ queryId: q.input.queryId, runId }, 'intent query failed in its run');
        q.answer(new IntentQueryFailed(q.input.queryId));
      }
    }
  }

  /**
   * Waits for a run's result under a deadline that also applies to the result long-poll RPC
   * (so a timed-out query leaves no poll behind: the server limits concurrent polls per namespace).
   */
  private async awaitResult(handle: { result(): Promise<unknown> }, runId: string): Promise<unknown> {
    const { client, logger } = this.options;
    const timeoutMs = this.options.resultTimeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    try {
      return await client.withDeadline(deadline, () => handle.result());
    } catch (err) {
      if (err instanceof WorkflowFailedError) {
        if (failureOfType(err, 'IntentIndexNotLoaded')) {
          throw new IntentUnavailable('index_loading', 'The intent index is loading; retry shortly');
        }
        logger.error({ err, runId }, 'intent query workflow failed');
        throw new IntentQueryFailed(runId);
      }
      if (Date.now() >= deadline) {
        throw new IntentUnavailable('timeout', 'The query did not complete in time', {
          timeout_ms: timeoutMs,
        });
      }
      // The server refused or failed the call (e.g. overloaded): retryable by the client.
      logger.warn({ err, runId }, 'intent query result unavailable');
      throw new IntentUnavailable(
        'temporal_unavailable',
        'The query result could not be read; retry shortly',
        {},
        1,
      );
    }
  }
}

/** Whether an application failure of `type` is in the error's cause chain (activity → workflow). */
function failureOfType(err: Error, type: string): boolean {
  for (let cause: unknown = err; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type === type) return true;
  }
  return false;
}

/** The workflow's summary in the Temporal UI: the prompt, on one line, truncated. */
function summaryOf(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
