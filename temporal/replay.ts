import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
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
 *
 * `replayId` names this one replay (a request id, or the bulk replay and lead): asking again with the
 * same id, e.g. a retried activity, gets the same replay's result and never replays twice.
 */
export async function replayLead(
  client: Client,
  taskQueue: string,
  accountId: string,
  leadId: string,
  request: ReplayRequest,
  replayId: string,
): Promise<ReplayResult> {
  try {
    return await client.workflow
      .getHandle(leadId)
      .executeUpdate(replayDeliveryUpdate, { args: [request], updateId: replayId });
  } catch (err) {
    // The validator refuses when the run is no longer waiting; a closed run cannot take updates.
    if (!(err instanceof WorkflowUpdateFailedError) && !(err instanceof WorkflowNotFoundError)) throw err;
  }
  const workflowId = `${leadId}-redelivery-${replayId}`;
  try {
    return await client.workflow.execute<typeof redeliveryWorkflow>('redeliveryWorkflow', {
      workflowId,
      taskQueue,
      args: [{ leadId, accountId, request }],
      // The same replay asked again joins its run, or reads the result of the one that finished.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `Redelivery of ${leadId}`,
      typedSearchAttributes: [
        { key: LeadIdAttr, value: leadId },
        { key: AccountIdAttr, value: accountId },
      ],
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return client.workflow.getHandle<typeof redeliveryWorkflow>(workflowId).result();
  }
}
