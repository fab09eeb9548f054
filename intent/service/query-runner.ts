import { ApplicationFailure, type Client, WorkflowFailedError } from '@temporalio/client';
import { ulid } from 'ulid';
import type { Logger } from '../../lib/logger.js';
import { AccountIdAttr } from '../../workflows/shared.js';
import type { IntentQueryResult } from '../engine.js';
import type { ValidIntentQueryRequest } from '../request.js';
import type { IntentQueryInput, IntentQuerySummary, IntentResultStore } from '../temporal/activities.js';
import type { intentQueryWorkflow } from '../temporal/workflows.js';
import { IntentQueryFailed, IntentUnavailable } from './errors.js';
import type { LiveIndex } from './live-index.js';

// One query = one short-lived `intentQueryWorkflow`, started on the intent worker's own connection so
// the start is eager and the ranking runs in this process; the full result is taken from this
// process's store, the workflow's history keeps only a summary (docs/decisions/0004-...).

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
}

/** `q_<ulid>`: the query's id in the log, and its workflow id. */
export function newQueryId(): string {
  return `q_${ulid().toLowerCase()}`;
}

export class QueryRunner {
  constructor(private readonly options: QueryRunnerOptions) {}

  /** Runs one query as `intentQueryWorkflow` and waits for it. */
  async run(request: ValidIntentQueryRequest, accountId: string, queryId = newQueryId()): Promise<IntentRun> {
    const { client, index, logger } = this.options;
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
    let handle: Awaited<ReturnType<Client['workflow']['start']>>;
    try {
      handle = await client.workflow.start<typeof intentQueryWorkflow>('intentQueryWorkflow', {
        workflowId: queryId,
        taskQueue: this.options.taskQueue,
        args: [input],
        requestEagerStart: this.options.eagerStart ?? true,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowExecutionTimeout: '1 minute',
        staticSummary: summaryOf(request.query),
        typedSearchAttributes: [{ key: AccountIdAttr, value: accountId }],
      });
    } catch (err) {
      logger.error({ err, queryId }, 'intent workflow start failed');
      throw new IntentUnavailable('temporal_unavailable', 'The query could not be started; retry shortly');
    }
    const summary = await this.awaitSummary(handle, queryId);
    const eagerlyStarted = handle.eagerlyStarted;
    const stored = this.options.results.take(queryId);
    if (stored) return { queryId, result: stored.result, summary, eagerlyStarted, reranked: false };
    // The workflow ran on another process's intent worker (no eager start): rank again here. The index
    // is deterministic, so this is the same list unless that process holds a different corpus.
    logger.warn({ queryId }, 'intent result not in this process; ranked again locally');
    const result = await engine.query(input);
    return { queryId, result, summary, eagerlyStarted, reranked: true };
  }

  /**
   * Waits for the workflow's result under a deadline that also applies to the result long-poll RPC
   * (so a timed-out query leaves no poll behind: the server limits concurrent polls per namespace).
   */
  private async awaitSummary(
    handle: { result(): Promise<unknown> },
    queryId: string,
  ): Promise<IntentQuerySummary> {
    const { client, logger } = this.options;
    const timeoutMs = this.options.resultTimeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    try {
      return (await client.withDeadline(deadline, () => handle.result())) as IntentQuerySummary;
    } catch (err) {
      if (err instanceof WorkflowFailedError) {
        if (failureOfType(err, 'IntentIndexNotLoaded')) {
          throw new IntentUnavailable('index_loading', 'The intent index is loading; retry shortly');
        }
        logger.error({ err, queryId }, 'intent query workflow failed');
        throw new IntentQueryFailed(queryId);
      }
      if (Date.now() >= deadline) {
        throw new IntentUnavailable('timeout', 'The query did not complete in time', {
          timeout_ms: timeoutMs,
        });
      }
      // The server refused or failed the call (e.g. overloaded): retryable by the client.
      logger.warn({ err, queryId }, 'intent query result unavailable');
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
