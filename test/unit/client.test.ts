import { describe, expect, it } from 'vitest';
import { LeadrailApiError, LeadrailClient } from '../../client/index.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records requests and answers with `respond`. */
function fakeFetch(respond: (sent: Sent) => Response = () => Response.json({ ok: true })) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const request: Sent = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(request);
    return respond(request);
  };
  return { sent, fetch };
}

describe('LeadrailClient', () => {
  it('submits a lead as the documented body, with the key, JSON headers and an Idempotency-Key', async () => {
    const { sent, fetch } = fakeFetch(() =>
      Response.json({ id: 'lead_1', status: 'delivered' }, { status: 201 }),
    );
    const client = new LeadrailClient({ apiKey: 'lr_live_k', baseUrl: 'https://api.example.com/v1/', fetch });
    const lead = await client.submitLead(
      'flow_1',
      { first_name: 'John', email: 'john@example.com' },
      { external_id: 'e1', async: true, timeout: 5000, idempotency_key: 'idem-1' },
    );
    expect(lead.id).toBe('lead_1');
    expect(sent[0]).toEqual({
      url: 'https://api.example.com/v1/flows/flow_1/leads',
      method: 'POST',
      headers: expect.objectContaining({
        authorization: 'Bearer lr_live_k',
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': 'idem-1',
      }),
      body: {
        lead: { first_name: 'John', email: 'john@example.com' },
        external_id: 'e1',
        options: { async: true, timeout: 5000 },
      },
    });
    await client.submitLead('flow_1', { email: 'x@example.com' });
    expect(sent[1]!.body).toEqual({ lead: { email: 'x@example.com' } });
    expect(sent[1]!.headers['idempotency-key']).toBeUndefined();
  });

  it('builds query strings, skipping absent values and joining lists', async () => {
    const { sent, fetch } = fakeFetch(() => Response.json({}));
    const client = new LeadrailClient({ apiKey: 'k', fetch });
    await client.searchLeads({
      flow_id: 'flow 1',
      status: ['delivered', 'accepted'],
      created_after: new Date('2024-01-01T00:00:00Z'),
      limit: 10,
      source: undefined,
      test_mode: false,
    });
    const url = new URL(sent[0]!.url);
    expect(url.origin + url.pathname).toBe('http://localhost:3000/leads');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      flow_id: 'flow 1',
      status: 'delivered,accepted',
      created_after: '2024-01-01T00:00:00.000Z',
      limit: '10',
      test_mode: 'false',
    });
    await client.getFlowEvents('flow/../x', { event_type: ['delivered'] });
    expect(sent[1]!.url).toBe('http://localhost:3000/flows/flow%2F..%2Fx/events?event_type=delivered');
    await client.getAnalytics();
    expect(sent[2]!.url).toBe('http://localhost:3000/analytics');
    expect(sent[2]!.headers['content-type']).toBeUndefined();
  });

  it('unwraps list responses', async () => {
    const { fetch } = fakeFetch((s) =>
      Response.json(
        s.url.endsWith('/flows')
          ? { flows: [{ id: 'f' }] }
          : s.url.endsWith('/recipients')
            ? { recipients: [] }
            : { api_keys: [{ id: 'k' }] },
      ),
    );
    const client = new LeadrailClient({ apiKey: 'k', fetch });
    expect(await client.listFlows()).toEqual([{ id: 'f' }]);
    expect(await client.listRecipients()).toEqual([]);
    expect(await client.listApiKeys()).toEqual([{ id: 'k' }]);
  });

  it('throws LeadrailApiError with the documented error fields', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'rate_limit_exceeded',
              message: 'Rate limit exceeded',
              details: { limit: 100, window: 'minute' },
              request_id: 'req_1',
            },
          }),
          {
            status: 429,
            headers: { 'Content-Type': 'application/json', 'Retry-After': '17', 'X-Request-Id': 'req_1' },
          },
        ),
    );
    const client = new LeadrailClient({ apiKey: 'k', fetch });
    const error = await client.getLead('lead_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeadrailApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limit_exceeded',
      message: 'Rate limit exceeded',
      details: { limit: 100, window: 'minute' },
      requestId: 'req_1',
      retryAfter: 17,
    });
  });

  it('copes with an error that is not JSON', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'X-Request-Id': 'req_2' } }),
    );
    const error = await new LeadrailClient({ apiKey: 'k', fetch }).listFlows().catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 502,
      code: 'http_error',
      requestId: 'req_2',
      body: '<html>Bad Gateway</html>',
    });
  });

  it('keeps the latest rate-limit budget', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json(
        { flows: [] },
        {
          headers: {
            'X-RateLimit-Limit': '1000',
            'X-RateLimit-Remaining': '998',
            'X-RateLimit-Reset': '1700000000',
          },
        },
      ),
    );
    const client = new LeadrailClient({ apiKey: 'k', fetch });
    expect(client.rateLimit).toBeNull();
    await client.listFlows();
    expect(client.rateLimit).toEqual({ limit: 1000, remaining: 998, reset: 1700000000 });
  });

  it('needs an API key', () => {
    expect(() => new LeadrailClient({ apiKey: '' })).toThrow(TypeError);
  });
});
