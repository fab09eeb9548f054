import { describe, expect, it } from 'vitest';
import { LeadrailApiError, LeadrailClient, verifyWebhook } from '../../client/index.js';
import { signWebhook } from '../../lib/webhook-signature.js';

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
}

function recordingClient(respond: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const client = new LeadrailClient({
    apiKey: 'lr_live_k',
    baseUrl: 'https://api.example.com',
    fetch: async (input, init) => {
      const request: Sent = {
        url: new URL(input),
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      sent.push(request);
      return respond(request);
    },
  });
  return { client, sent };
}

describe('the TypeScript SDK: idiomatic names sent as the API names them', () => {
  it('takes camelCase options and sends snake_case (the API names accepted as written too)', async () => {
    const { client, sent } = recordingClient(() => Response.json({ id: 'lead_1' }, { status: 201 }));
    await client.submitLead(
      'flow_1',
      { first_name: 'Ana', zipCode: '78701' },
      {
        externalId: 'e1',
        trustedFormCertUrl: 'https://cert.example/1',
        sourceId: 'src_1',
        testMode: true,
        idempotencyKey: 'k1',
      },
    );
    expect(sent[0]!.body).toEqual({
      // Lead fields are the tenant's own names: never renamed.
      lead: { first_name: 'Ana', zipCode: '78701' },
      external_id: 'e1',
      trusted_form_cert_url: 'https://cert.example/1',
      source_id: 'src_1',
      options: { test_mode: true },
    });
    expect(sent[0]!.headers.get('idempotency-key')).toBe('k1');

    await client.searchLeads({
      flowId: 'flow_1',
      createdBefore: '2026-01-01',
      external_id: 'e1',
      testMode: true,
    });
    expect(Object.fromEntries(sent[1]!.url.searchParams)).toEqual({
      flow_id: 'flow_1',
      created_before: '2026-01-01',
      external_id: 'e1',
      test_mode: 'true',
    });

    await client.submitBatch('flow_1', [{ lead: { email: 'a@example.com' }, externalId: 'a' }], {
      continueOnError: false,
      maxConcurrent: 2,
    });
    expect(sent[2]!.body).toEqual({
      leads: [{ lead: { email: 'a@example.com' }, external_id: 'a' }],
      options: { continue_on_error: false, max_concurrent: 2 },
    });

    await client.queryIntent({
      query: 'crm buyers',
      filters: { companySize: ['51-200'], jobTitles: ['cto'] },
    });
    expect(sent[3]!.body).toEqual({
      query: 'crm buyers',
      filters: { company_size: ['51-200'], job_titles: ['cto'] },
    });

    await client.replayLead('lead_1', { recipientId: 'rcpt_1', force: true });
    expect(sent[4]!.body).toEqual({ recipient_id: 'rcpt_1', force: true });
    await client.rotateWebhookSecret({ overlapSeconds: 60 });
    expect(sent[5]!.body).toEqual({ overlap_seconds: 60 });
    await client.dryRunBulkReplay({ flowId: 'flow_1', ratePerSecond: 2 });
    expect(sent[6]!.body).toEqual({ flow_id: 'flow_1', rate_per_second: 2, dry_run: true });
  });

  it('refuses one option given under both names with different values, sending nothing', async () => {
    const { client, sent } = recordingClient(() => Response.json({}));
    await expect(client.searchLeads({ flowId: 'a', flow_id: 'b' })).rejects.toThrow(/flow_id is given twice/);
    await expect(client.submitLead('flow_1', {}, { externalId: 'a', external_id: 'b' })).rejects.toThrow(
      TypeError,
    );
    expect(sent).toEqual([]);
    // The same value under both names is no conflict.
    await client.searchLeads({ flowId: 'a', flow_id: 'a' });
    expect(sent[0]!.url.searchParams.get('flow_id')).toBe('a');
  });

  it('iterateLeads pages until total_count, asking for pageSize at a time', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: `lead_${i}` }));
    const { client, sent } = recordingClient((s) => {
      const limit = Number(s.url.searchParams.get('limit'));
      const offset = Number(s.url.searchParams.get('offset'));
      return Response.json({ leads: all.slice(offset, offset + limit), total_count: all.length });
    });
    const seen: string[] = [];
    for await (const lead of client.iterateLeads({ flowId: 'flow_1', pageSize: 2 })) seen.push(lead.id);
    expect(seen).toEqual(['lead_0', 'lead_1', 'lead_2', 'lead_3', 'lead_4']);
    expect(sent.map((s) => [s.url.searchParams.get('offset'), s.url.searchParams.get('limit')])).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '2'],
    ]);
    expect(sent.every((s) => s.url.searchParams.get('flow_id') === 'flow_1')).toBe(true);
  });

  it("reads the intent API's error format (request_id beside error) into the same LeadrailApiError", async () => {
    const { client } = recordingClient(() =>
      Response.json(
        {
          error: { code: 'SERVICE_UNAVAILABLE', message: 'Intent service unavailable' },
          request_id: 'req_9',
        },
        { status: 503, headers: { 'Retry-After': '5' } },
      ),
    );
    const error = await client.queryIntent({ query: 'crm buyers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeadrailApiError);
    expect(error).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'Intent service unavailable',
      requestId: 'req_9',
      request_id: 'req_9',
      retryAfter: 5,
    });
  });
});

describe('verifyWebhook', () => {
  // Signed by the server's own signer (lib/webhook-signature.ts), not by the SDK.
  const t = 1_800_000_000;
  const current = 'whsec_current';
  const previous = 'whsec_previous';

  it('accepts a body signed by the secret, during a rotation by either secret (two v1=)', async () => {
    const single = signWebhook([current], { event: 'lead.received', lead_id: 'lead_1' }, t);
    expect(
      await verifyWebhook({ secret: current, rawBody: single.body, signature: single.header, now: t }),
    ).toBe(true);
    expect(
      await verifyWebhook({ secret: previous, rawBody: single.body, signature: single.header, now: t }),
    ).toBe(false);

    const overlap = signWebhook([current, previous], { event: 'lead.received', lead_id: 'lead_2' }, t);
    expect(overlap.header.match(/v1=/g)).toHaveLength(2);
    for (const secret of [current, previous])
      expect(await verifyWebhook({ secret, rawBody: overlap.body, signature: overlap.header, now: t })).toBe(
        true,
      );
    expect(
      await verifyWebhook({
        secret: 'whsec_other',
        rawBody: overlap.body,
        signature: overlap.header,
        now: t,
      }),
    ).toBe(false);
  });

  it('refuses a changed body, a stale or future timestamp, and headers that are not the format', async () => {
    const { body, header } = signWebhook([current], { lead_id: 'lead_3' }, t);
    const check = (rawBody: string, signature: string | null, now = t) =>
      verifyWebhook({ secret: current, rawBody, signature, now });
    expect(await check(body.replace('lead_3', 'lead_4'), header)).toBe(false);
    expect(await check(body, header, t + 300)).toBe(true);
    expect(await check(body, header, t + 301)).toBe(false);
    expect(await check(body, header, t - 301)).toBe(false);
    expect(await check(body, null)).toBe(false);
    expect(await check(body, 'sha256=abc')).toBe(false);
    expect(await check(body, header.replace(/t=\d+/, 't=soon'))).toBe(false);
    expect(
      await verifyWebhook({
        secret: current,
        rawBody: body,
        signature: header,
        now: t + 900,
        toleranceSeconds: 1000,
      }),
    ).toBe(true);
  });
});
