import {
  type Client,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { newId } from '../lib/ids.js';
import type { redeliveryWorkflow } from '../workflows/redelivery.js';
import {
  AccountIdAttr,
  LeadIdAttr,
  type ReplayRequest,
  type ReplayResult,
  replayDeliveryUpdate,
} from '../workflows/shared.js';

/**
 * Replays one lead's failed deliveries and returns the new outcome. A lead still waiting in
 * `delivery_failed` gets a `replay-delivery` update on its own run; a lead whose run closed (its
 * replay window ended) gets a new redelivery run linked to it. Used by the API, the CLI and the bulk
 * replay workflow alike.
 */
export async function replayLead(
  client: Client,
  taskQueue: string,
  accountId: string,
  leadId: string,
  request: ReplayRequest,
): Promise<ReplayResult> {
  try {
    return await client.workflow.getHandle(leadId).executeUpdate(replayDeliveryUpdate, { args: [request] });
  } catch (err) {
    // The validator refuses when the run is no longer waiting; a closed run cannot take updates.
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) throw err;
    if (!(err instanceof WorkflowUpdateFailedError) && !isClosedOrMissing(err)) throw err;
  }
  const workflowId = `${newId('rpl')}_${leadId}`;
  return client.workflow.execute<typeof redeliveryWorkflow>('redeliveryWorkflow', {
    workflowId,
    taskQueue,
    args: [{ leadId, accountId, request }],
    staticSummary: `Redelivery of ${leadId}`,
    typedSearchAttributes: [
      { key: LeadIdAttr, value: leadId },
      { key: AccountIdAttr, value: accountId },
    ],
  });
}

function isClosedOrMissing(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : '';
  return /WorkflowNotFound|not found|already completed|workflow execution already completed/i.test(text);
}
