import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { capUsage } from '../../db/caps.js';
import { findFlow } from '../../db/flows.js';
import { withTransaction } from '../../db/pool.js';
import { countPing, insertPing } from '../../db/sources.js';
import {
  evaluatePing,
  flowForSource,
  hashPingFields,
  mapInboundFields,
  pingLimitList,
} from '../../domain/sources.js';
import { newId } from '../../lib/ids.js';
import { text } from '../../lib/schema.js';
import type { AppDeps } from '../app.js';
import { type AuthEnv, requireScope } from '../auth.js';
import { ApiError, notFound } from '../errors.js';
import { LeadFieldsSchema } from '../lead-submission.js';
import { errorResponses, jsonResponse } from '../middleware/responses.js';
import { resolveSource } from '../source-context.js';

// Inbound ping/post, the ping half: a publisher sends the fields it may share before the lead is sold
// (ZIP, age, loan amount: no name, email or phone needed) and learns what the lead would be bought
// for. The bid holds for the source's ttl; the post that honours it is POST /flows/{id}/leads with
// `ping_id` (api/lead-submission.ts).

const PingSchema = z
  .object({
    lead: LeadFieldsSchema.describe('The fields of the lead the publisher shares before selling it'),
    source_id: text({ min: 1, max: 100 })
      .optional()
      .describe("The source pinging (implied by a source's key)"),
  })
  .openapi('PingRequest');

const PingAnswerSchema = z
  .object({
    ping_id: z.string(),
    outcome: z.enum(['bid', 'no_bid']),
    bid: z.number().nullable().describe('What the lead is bought for if posted before expires_at'),
    currency: z.literal('USD'),
    expires_at: z.string().nullable(),
    reason: z.string().nullable().describe('Why there is no bid'),
    code: z.enum(['criteria', 'cap', 'price']).nullable().describe('no_bid: which rule said no'),
  })
  .openapi('PingAnswer');

class PingLimitReached extends Error {
  constructor(
    readonly per: string,
    readonly maximum: number,
  ) {
    super('ping limit reached');
  }
}

export function pingRouter({ pool }: AppDeps) {
  return new OpenAPIHono<AuthEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/{flow_id}/ping',
      summary: 'Ping: what would this lead be bought for?',
      description:
        'Runs the flow’s and the source’s acceptance criteria, caps (read, not reserved) and purchase pricing on ' +
        'the fields sent, and answers a bid with its ping_id and expiry, or no bid with the reason. Required ' +
        'fields are not required of a ping; a criterion about a field the ping lacks cannot pass. Every ping is ' +
        'recorded (counted in analytics); the pinged values are kept only as hashes. Over the source’s ping ' +
        'limits: 429 `ping_limit_reached`. Post the lead with `ping_id` to sell it at the bid.',
      tags: ['Leads'],
      middleware: [requireScope('leads:write')],
      request: {
        params: z.object({ flow_id: z.string().openapi({ param: { name: 'flow_id', in: 'path' } }) }),
        body: { required: true, content: { 'application/json': { schema: PingSchema } } },
      },
      responses: {
        200: jsonResponse('A bid, or no bid with its reason', PingAnswerSchema),
        ...errorResponses(400, 404, 409, 413, 415),
      },
    }),
    async (c) => {
      const { flow_id: flowId } = c.req.valid('param');
      const body = c.req.valid('json');
      const { accountId } = c.var.auth;
      const flow = await findFlow(pool, accountId, flowId);
      if (!flow) throw notFound('Flow');
      if (flow.status !== 'active') {
        throw new ApiError(
          409,
          'flow_inactive',
          `Flow ${flow.id} is ${flow.status} and does not accept leads`,
        );
      }
      const source = await resolveSource(pool, c.var.auth, flow.id, body.source_id);
      const now = new Date();
      const limits = source ? pingLimitList(source.config.ping.limits) : [];
      if (source && limits.length > 0) {
        try {
          // All limits or none are counted: a refused ping rolls its counts back.
          await withTransaction(pool, async (tx) => {
            const counted = await countPing(tx, source.id, limits, now);
            if (!counted.allowed) throw new PingLimitReached(counted.per, counted.maximum);
          });
        } catch (err) {
          if (!(err instanceof PingLimitReached)) throw err;
          throw new ApiError(
            429,
            'ping_limit_reached',
            `The source may send at most ${err.maximum} pings per ${err.per}`,
            { limit: err.maximum, per: err.per },
            { 'Retry-After': String(retryAfter(err.per, now)) },
          );
        }
      }

      const fields = source ? mapInboundFields(body.lead, source.config.field_mappings) : { ...body.lead };
      const config = flowForSource(flow.config, source);
      const receivedAt = now.toISOString();
      let answer = evaluatePing({
        flow: config,
        lead: fields,
        source: typeof fields.source === 'string' ? fields.source : (source?.id ?? null),
        campaign: typeof fields.campaign === 'string' ? fields.campaign : null,
        receivedAt,
      });
      if (answer.bid) {
        // Read the counters, reserve nothing: a ping learns whether a lead would fit; the post reserves.
        const caps = answer.caps.map((cap) => ({ ...cap, key: `flow:${flow.id}:${cap.id}` }));
        const usage = await capUsage(pool, caps, config.settings.time_zone);
        const full = caps.find((cap) => cap.maximum <= (usage.get(cap.key)?.used ?? 0));
        if (full) answer = { bid: false, code: 'cap', reason: `Cap ${full.id} is reached` };
      }
      const id = newId('ping');
      const ttl = source?.config.ping.ttl_seconds ?? 120;
      const expiresAt = answer.bid ? new Date(now.getTime() + ttl * 1000) : null;
      await insertPing(pool, {
        id,
        accountId,
        flowId: flow.id,
        sourceId: source?.id ?? null,
        outcome: answer.bid ? 'bid' : 'no_bid',
        bid: answer.bid ? answer.price : null,
        reason: answer.bid ? null : answer.reason,
        fieldHashes: answer.bid ? hashPingFields(fields, answer.normalized) : {},
        createdAt: now,
        expiresAt,
      });
      return c.json(
        {
          ping_id: id,
          outcome: answer.bid ? ('bid' as const) : ('no_bid' as const),
          bid: answer.bid ? answer.price : null,
          currency: 'USD' as const,
          expires_at: expiresAt?.toISOString() ?? null,
          reason: answer.bid ? null : answer.reason,
          code: answer.bid ? null : answer.code,
        },
        200,
      );
    },
  );
}

const PERIOD_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

/** Seconds until the limit's window (UTC) ends. */
function retryAfter(per: string, now: Date): number {
  const period = PERIOD_SECONDS[per] ?? 1;
  const seconds = Math.floor(now.getTime() / 1000);
  return period - (seconds % period);
}
