import { ApplicationFailure, type Client, WorkflowFailedError } from '@temporalio/client';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import { intentRankingsAhead } from '../../lib/metrics.js';
import { RequestBatcher } from '../../lib/request-batcher.js';
import { AccountIdAttr, IntentQueryIdsAttr } from '../../workflows/shared.js';
import type { ValidIntentQueryRequest } from '../request.js';
import {
  type IntentBatchOutcome,
  type IntentQueryInput,
  type IntentQuerySummary,
  type IntentResultStore,
  rankRequestOf,
  type StartedRankings,
} from '../temporal/activities.js';
import type { intentQueryBatchWorkflow, intentQueryWorkflow } from '../temporal/workflows.js';
import { IntentQueryFailed, IntentUnavailable } from './errors.js';
import type { LiveIndex } from './live-index.js';
import type { RankedQuery } from './ranker.js';

// Each query runs in a short-lived workflow, started on the intent worker's own connection so the start
// is eager and the ranking runs in this process; the full result is taken from this process's store,
// the workflow's history keeps only a summary (docs/decisions/0004-...). Queries are coalesced as a
// database coalesces commits (decision 19): while fewer than `maxRunsInFlight` runs are under way a
// query starts its own run at once (`intentQueryWorkflow`, workflow id = query id); past that, the
// queries that arrive wait for the next free run slot and share one run (`intentQueryBatchWorkflow`,
// at most `maxBatch` queries of one account, each listed in its `IntentQueryIds` search attribute).
// So a quiet service adds no wait, and a busy one pays Temporal's per-run cost once per batch. A
// query's ranking starts as it arrives, while it waits for its run (decision 21).

export interface IntentRun {
  queryId: string;
  result: RankedQuery;
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
  /**
   * Where a query's ranking is kept from its arrival until its run's local activity takes it
   * (decision 21). Absent: each run's activity starts its queries' rankings.
   */
  started?: StartedRankings;
  logger: Logger;
  /** Ask the server for eager workflow start (default true). */
  eagerStart?: boolean;
  /** How long to wait for a query's workflow; default 15 s. */
  resultTimeoutMs?: number;
  /** Runs under way above which arriving queries share the next run; 0: one run per query. Default 1. */
  maxRunsInFlight?: number;
  /** Most queries in one coalesced run (their ids must fit one search attribute value); default 50. */
  maxBatch?: number;
}

/**
 * One run at a time per process (decision 20): the process ranks in one thread, so a second run under
 * way would only interleave its rankings with the first's, both finishing later, at twice Temporal's
 * per-run cost.
 */
export const DEFAULT_RUNS_IN_FLIGHT = 1;

/**
 * Rankings started on arrival wait in the ranking thread's queue, and a query refused afterwards (its
 * run could not start) cannot take its ranking back: past this many queued, or for a second after a
 * run failed to start, a query is ranked by its run's activity instead (bounded by the worker's local
 * activity slots), so an outage of Temporal does not fill the thread with rankings nobody will read.
 */
export const MAX_RANKINGS_AHEAD = 64;
const RANK_AHEAD_PAUSE_MS = 1000;

/** A coalesced run's search attribute holds every query id: 50 ids stay under its 2 KB value limit. */
export const MAX_QUERIES_PER_RUN = 50;

interface QueuedQuery {
  input: IntentQueryInput;
  accountId: string;
}

/** A query's answer from its run, or why it has none (a run answers each query, never throws). */
type RunOutcome = { summary: IntentQuerySummary; eagerlyStarted: boolean } | Error;

/** `q_<ulid>`: the query's id in the log, and its workflow id. */
export function newQueryId(): string {
  return newId('q');
}

export class QueryRunner {
  private readonly runs: RequestBatcher<QueuedQuery, RunOutcome>;
  /** When a run last failed to start (performance.now()). */
  private startFailedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: QueryRunnerOptions) {
    const runsInFlight = options.maxRunsInFlight ?? DEFAULT_RUNS_IN_FLIGHT;
    const maxBatch = Math.min(MAX_QUERIES_PER_RUN, options.maxBatch ?? MAX_QUERIES_PER_RUN);
    // Group commit (lib/request-batcher.ts), one account per run; 0 runs in flight: never coalesce.
    this.runs = new RequestBatcher((batch) => this.runBatch(batch), {
      maxInFlight: runsInFlight > 0 ? runsInFlight : Number.POSITIVE_INFINITY,
      maxBatch: runsInFlight > 0 ? maxBatch : 1,
      groupOf: (q) => q.accountId,
    });
  }

  /** Runs one query (alone or in a coalesced run) and waits for its answer. */
  async run(request: ValidIntentQueryRequest, accountId: string, queryId = newQueryId()): Promise<IntentRun> {
    const { index, logger } = this.options;
    const ranker = index.ranker;
    if (!ranker) {
      throw new IntentUnavailable('index_loading', 'The intent index is loading; retry shortly', {}, 5);
    }
    const input: IntentQueryInput = {
      queryId,
      query: request.query,
      limit: request.limit,
      ...(request.filters ? { filters: request.filters } : {}),
    };
    const { started } = this.options;
    // The ranking starts now, in the ranking thread, while the query waits for its run and the run
    // starts; the run's local activity takes it (decision 21).
    if (started) {
      if (
        (ranker.backlog ?? 0) < MAX_RANKINGS_AHEAD &&
        performance.now() - this.startFailedAt >= RANK_AHEAD_PAUSE_MS
      ) {
        started.start(queryId, ranker.rank(rankRequestOf(input)));
      } else {
        intentRankingsAhead.inc({ outcome: 'skipped' });
      }
    }
    try {
      const outcome = await this.runs.submit({ input, accountId });
      if (outcome instanceof Error) throw outcome;
      const { summary, eagerlyStarted } = outcome;
      const stored = this.options.results.take(queryId);
      if (stored) return { queryId, result: stored.result, summary, eagerlyStarted, reranked: false };
      // The workflow ran on another process's intent worker (no eager start): its ranking is not here.
      // The index is deterministic, so this process's is the same list unless it holds another corpus.
      logger.warn({ queryId }, 'intent result not in this process; ranked locally');
      const result = await (started?.take(queryId) ?? ranker.rank(rankRequestOf(input)));
      return { queryId, result, summary, eagerlyStarted, reranked: true };
    } finally {
      started?.drop(queryId);
    }
  }

  /** Queries waiting for a run slot (a gauge for operators and tests). */
  get queued(): number {
    return this.runs.queued;
  }

  /** One run for `batch` (all of one account): an outcome for each query, never throws. */
  private async runBatch(batch: QueuedQuery[]): Promise<RunOutcome[]> {
    const { client, logger, taskQueue } = this.options;
    const accountId = batch[0]!.accountId;
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
      this.startFailedAt = performance.now();
      logger.error({ err, runId, queries: batch.length }, 'intent workflow start failed');
      const failure = new IntentUnavailable(
        'temporal_unavailable',
        'The query could not be started; retry shortly',
      );
      return batch.map(() => failure);
    }
    const eagerlyStarted = handle.eagerlyStarted;
    let outcomes: IntentBatchOutcome[];
    try {
      const result = await this.awaitResult(handle, runId);
      outcomes = alone ? [result as IntentQuerySummary] : (result as IntentBatchOutcome[]);
    } catch (err) {
      // A failed run fails each of its queries under the query's own id.
      return batch.map((q) =>
        err instanceof IntentQueryFailed ? new IntentQueryFailed(q.input.queryId) : (err as Error),
      );
    }
    const byId = new Map(outcomes.map((o) => [o.query_id, o]));
    return batch.map((q) => {
      const outcome = byId.get(q.input.queryId);
      if (outcome && !('error' in outcome)) return { summary: outcome, eagerlyStarted };
      logger.error({ queryId: q.input.queryId, runId }, 'intent query failed in its run');
      return new IntentQueryFailed(q.input.queryId);
    });
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
