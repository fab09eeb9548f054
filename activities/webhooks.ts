import { ApplicationFailure } from '@temporalio/activity';
import type { Pool } from '../db/pool.js';
import { findWebhookSecrets } from '../db/webhook-secrets.js';
import { markWebhookDeliveryFailed, recordWebhookAttempt } from '../db/webhooks.js';
import type { WebhookEvent } from '../domain/flow.js';
import { discardBody } from '../lib/http-body.js';
import { webhookAttempts } from '../lib/metrics.js';
import { isDestinationNotAllowed } from '../lib/outbound.js';
import { signWebhook } from '../lib/webhook-signature.js';
import type { PayloadKeyring } from '../temporal/payload-codec.js';
import { storedLead } from './delivery.js';

export interface WebhookRequest {
  /** Chosen by the workflow: the same across retries, sent as X-Leadrail-Delivery. */
  deliveryId: string;
  accountId: string;
  flowId: string;
  leadId: string | null;
  url: string;
  event: WebhookEvent;
  /** When the event happened (not when this attempt runs). */
  occurredAt: string;
  data: Record<string, unknown>;
  /**
   * The body's `lead` is read by lead id when the webhook is sent (the stored normal values, with these
   * real values of sensitive fields laid over them) instead of travelling in the request, so the run's
   * history carries no copy of the lead. Absent: `data` is sent as it is.
   */
  leadFromStore?: { sensitive?: Record<string, unknown> };
}

export function createWebhookActivities({
  pool,
  fetchImpl = fetch,
  payloadKeys,
}: {
  pool: Pool;
  fetchImpl?: typeof fetch;
  /** Open the account's sealed signing secrets (lib/webhook-secrets.ts). */
  payloadKeys?: PayloadKeyring;
}) {
  return {
    /**
     * Posts one signed webhook. Non-2xx and network errors throw, so Temporal retries with backoff;
     * the lead's outcome never waits on it (the workflow answers the submitter first).
     */
    async sendWebhook(request: WebhookRequest): Promise<{ responseCode: number }> {
      const secrets = await findWebhookSecrets(pool, payloadKeys, request.accountId);
      if (!secrets) throw ApplicationFailure.nonRetryable('Account not found', 'AccountNotFound');
      const timestamp = Math.floor(Date.now() / 1000);
      const data =
        request.leadFromStore && request.leadId
          ? {
              lead: await storedLead(
                pool,
                request.accountId,
                request.leadId,
                request.leadFromStore.sensitive,
              ),
              ...request.data,
            }
          : request.data;
      const payload = {
        event_type: request.event,
        timestamp: request.occurredAt,
        flow_id: request.flowId,
        lead_id: request.leadId,
        data,
      };
      // In a rotation's overlap window the previous secret signs too (a second v1= in the header).
      const signing = [secrets.secret, ...(secrets.previous ? [secrets.previous.secret] : [])];
      const { body, header } = signWebhook(signing, payload, timestamp);
      const attempt = {
        id: request.deliveryId,
        accountId: request.accountId,
        leadId: request.leadId,
        eventType: request.event,
        url: request.url,
      };
      let status: number;
      try {
        const response = await fetchImpl(request.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'Leadrail-Webhooks/0.1',
            'X-Leadrail-Event': request.event,
            'X-Leadrail-Delivery': request.deliveryId,
            'X-Leadrail-Timestamp': String(timestamp),
            'X-Leadrail-Signature': header,
          },
          body,
          signal: AbortSignal.timeout(5000),
          redirect: 'manual',
        });
        await discardBody(response);
        status = response.status;
      } catch (err) {
        const refused = isDestinationNotAllowed(err);
        const message = refused
          ? 'Destination not allowed: not a public address'
          : err instanceof Error && err.name === 'TimeoutError'
            ? 'Timed out'
            : 'Connection failed';
        await recordWebhookAttempt(pool, {
          ...attempt,
          status: 'pending',
          responseCode: null,
          error: message,
        });
        if (refused) throw ApplicationFailure.nonRetryable(message, 'WebhookDestinationNotAllowed');
        throw ApplicationFailure.retryable(message, 'WebhookUnavailable');
      }
      webhookAttempts.inc({ outcome: status >= 200 && status < 300 ? 'success' : 'error' });
      if (status < 200 || status >= 300) {
        await recordWebhookAttempt(pool, {
          ...attempt,
          status: 'pending',
          responseCode: status,
          error: `HTTP ${status}`,
        });
        throw ApplicationFailure.retryable(`Webhook endpoint answered HTTP ${status}`, 'WebhookUnavailable');
      }
      await recordWebhookAttempt(pool, {
        ...attempt,
        status: 'delivered',
        responseCode: status,
        error: null,
      });
      return { responseCode: status };
    },

    /** After the last retry: marks the webhook failed for operators. */
    async markWebhookFailed(request: WebhookRequest, error: string): Promise<void> {
      await markWebhookDeliveryFailed(
        pool,
        {
          id: request.deliveryId,
          accountId: request.accountId,
          leadId: request.leadId,
          eventType: request.event,
          url: request.url,
        },
        error,
      );
    },
  };
}
