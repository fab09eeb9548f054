import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, type Scope } from '../../db/accounts.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The routes of the lead API, three ways: without a key (401), with a key lacking the route's scope
// (403), and from another account (404 for the owner's resources, none of their data in lists). Every
// other route the app serves is checked for the 401 at least.

interface Ids {
  flow: string;
  lead: string;
  recipient: string;
  key: string;
}

interface RouteCase {
  method: string;
  /** The route as registered (Hono syntax), to check that every route has a case. */
  route: string;
  path: (ids: Ids) => string;
  scope: Scope;
  body?: (ids: Ids) => unknown;
  /** From another account: 'not_found' for the owner's resources, 'own' for collections and creation. */
  crossAccount: 'not_found' | 'own';
}

const recipientBody = { name: 'Intruder', config: { url: 'https://intruder.example.com/leads' } };

const CASES: RouteCase[] = [
  {
    method: 'POST',
    route: '/flows',
    path: () => '/flows',
    scope: 'flows:write',
    body: () => ({ name: 'Mine' }),
    crossAccount: 'own',
  },
  { method: 'GET', route: '/flows', path: () => '/flows', scope: 'flows:read', crossAccount: 'own' },
  {
    method: 'GET',
    route: '/flows/:flow_id',
    path: (i) => `/flows/${i.flow}`,
    scope: 'flows:read',
    crossAccount: 'not_found',
  },
  {
    method: 'PUT',
    route: '/flows/:flow_id',
    path: (i) => `/flows/${i.flow}`,
    scope: 'flows:write',
    body: () => ({ name: 'Hijacked' }),
    crossAccount: 'not_found',
  },
  {
    method: 'PUT',
    route: '/flows/:flow_id/settings',
    path: (i) => `/flows/${i.flow}/settings`,
    scope: 'flows:write',
    body: () => ({ settings: { required_fields: ['ssn'] } }),
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/flows/:flow_id/leads',
    path: (i) => `/flows/${i.flow}/leads`,
    scope: 'leads:write',
    body: () => ({ lead: { email: 'intruder@example.com' } }),
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/flows/:flow_id/leads/batch',
    path: (i) => `/flows/${i.flow}/leads/batch`,
    scope: 'leads:write',
    body: () => ({ leads: [{ lead: { email: 'intruder@example.com' } }] }),
    crossAccount: 'not_found',
  },
  {
    method: 'GET',
    route: '/leads/:lead_id',
    path: (i) => `/leads/${i.lead}`,
    scope: 'leads:read',
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/leads/:lead_id/feedback',
    path: (i) => `/leads/${i.lead}/feedback`,
    scope: 'leads:write',
    body: () => ({ type: 'conversion' }),
    crossAccount: 'not_found',
  },
  { method: 'GET', route: '/leads', path: () => '/leads', scope: 'leads:read', crossAccount: 'own' },
  {
    method: 'GET',
    route: '/flows/:flow_id/events',
    path: (i) => `/flows/${i.flow}/events`,
    scope: 'leads:read',
    crossAccount: 'not_found',
  },
  {
    method: 'GET',
    route: '/analytics',
    path: (i) => `/analytics?flow_id=${i.flow}`,
    scope: 'analytics:read',
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/recipients',
    path: () => '/recipients',
    scope: 'flows:write',
    body: () => recipientBody,
    crossAccount: 'own',
  },
  {
    method: 'GET',
    route: '/recipients',
    path: () => '/recipients',
    scope: 'flows:read',
    crossAccount: 'own',
  },
  {
    method: 'GET',
    route: '/recipients/:recipient_id',
    path: (i) => `/recipients/${i.recipient}`,
    scope: 'flows:read',
    crossAccount: 'not_found',
  },
  {
    method: 'PUT',
    route: '/recipients/:recipient_id',
    path: (i) => `/recipients/${i.recipient}`,
    scope: 'flows:write',
    body: () => recipientBody,
    crossAccount: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/recipients/:recipient_id',
    path: (i) => `/recipients/${i.recipient}`,
    scope: 'flows:write',
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/api-keys',
    path: () => '/api-keys',
    scope: 'admin',
    body: () => ({ name: 'x', scopes: ['leads:read'] }),
    crossAccount: 'own',
  },
  { method: 'GET', route: '/api-keys', path: () => '/api-keys', scope: 'admin', crossAccount: 'own' },
  {
    method: 'GET',
    route: '/api-keys/:key_id',
    path: (i) => `/api-keys/${i.key}`,
    scope: 'admin',
    crossAccount: 'not_found',
  },
  {
    method: 'POST',
    route: '/api-keys/:key_id/rotate',
    path: (i) => `/api-keys/${i.key}/rotate`,
    scope: 'admin',
    crossAccount: 'not_found',
  },
  {
    method: 'DELETE',
    route: '/api-keys/:key_id',
    path: (i) => `/api-keys/${i.key}`,
    scope: 'admin',
    crossAccount: 'not_found',
  },
];

describe('tenancy and scopes on every route', () => {
  let stack: TestStack;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let owner: string;
  let ids: Ids;
  let ownerKey: string; // a second key of the owner, the target of the key routes

  beforeAll(async () => {
    stack = await startTestStack();
    buyer = await startRecipient();
    ({ key: owner } = await stack.createAccount());
    const recipient = await stack.call('POST', '/recipients', owner, {
      name: 'Owner buyer',
      config: { url: buyer.url, headers: { 'X-Token': 'owner-secret-token' } },
    });
    const flow = await stack.call('POST', '/flows', owner, {
      name: 'Owner flow',
      steps: [{ type: 'delivery', recipient_id: recipient.json.id }],
    });
    const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, owner, {
      lead: { email: 'owner-lead@example.com', phone: '5551234567', source: 'owner-source' },
    });
    expect(lead.status).toBe(201);
    const key = await stack.call('POST', '/api-keys', owner, {
      name: 'Owner second key',
      scopes: ['flows:read'],
    });
    ownerKey = key.json.key;
    ids = { flow: flow.json.id, lead: lead.json.id, recipient: recipient.json.id, key: key.json.id };
  });
  afterAll(async () => {
    await buyer?.close();
    await stack?.stop();
  });

  const send = (c: RouteCase, key: string | null) => stack.call(c.method, c.path(ids), key, c.body?.(ids));

  /**
   * Served routes that the OpenAPI document says need a key (every operation not marked `security: []`).
   * Routes missing from the document are left to the OpenAPI test.
   */
  const authenticatedRoutes = async () => {
    // biome-ignore lint/suspicious/noExplicitAny: only paths and security are read
    const doc: any = await (await stack.app.request('/openapi.json')).json();
    const routes = new Set<string>();
    for (const r of stack.app.routes) {
      if (r.method === 'ALL') continue;
      const path = r.path.replace(/(.)\/$/, '$1');
      const operation = doc.paths[path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      if (operation && !(Array.isArray(operation.security) && operation.security.length === 0)) {
        routes.add(`${r.method} ${path}`);
      }
    }
    return routes;
  };

  it('serves every route of the matrix (so the cases below test real routes)', async () => {
    const routes = await authenticatedRoutes();
    expect(CASES.map((c) => `${c.method} ${c.route}`).filter((r) => !routes.has(r))).toEqual([]);
  });

  it('answers 401 without a key on every authenticated route the app serves, listed or not', async () => {
    const routes = await authenticatedRoutes();
    expect(routes.size).toBeGreaterThanOrEqual(CASES.length);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await stack.call(
        method,
        path.replace(/:[A-Za-z0-9_]+/g, 'x_1'),
        null,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect(res.status, route).toBe(401);
      // The intent routes answer their own contract's upper-case codes (UNAUTHORIZED).
      expect(res.json.error.code.toLowerCase(), route).toBe('unauthorized');
    }
    for (const c of CASES) {
      const res = await send(c, null);
      expect(res.status, `${c.method} ${c.route}`).toBe(401);
    }
  });

  it('answers 403 naming the scope when the key lacks it', async () => {
    const keys = new Map<Scope, string>();
    for (const scope of ALL_SCOPES) {
      const others = ALL_SCOPES.filter((s) => s !== scope && s !== 'admin');
      keys.set(scope, (await stack.createAccount({ scopes: others })).key);
    }
    for (const c of CASES) {
      const res = await send(c, keys.get(c.scope)!);
      expect(res.status, `${c.method} ${c.route}`).toBe(403);
      expect(res.json.error).toMatchObject({ code: 'forbidden', details: [{ required_scope: c.scope }] });
    }
  });

  it('answers 404 for another account’s resources and shows none of their data', async () => {
    const { key: intruder } = await stack.createAccount();
    for (const c of CASES) {
      const res = await send(c, intruder);
      const label = `${c.method} ${c.route}`;
      if (c.crossAccount === 'not_found') {
        expect(res.status, label).toBe(404);
        expect(res.json.error.code, label).toBe('not_found');
      } else {
        expect(res.status, label).toBeLessThan(300);
      }
      for (const secret of [
        ids.flow,
        ids.lead,
        ids.recipient,
        ids.key,
        'Owner flow',
        'owner-lead',
        'owner-secret-token',
      ]) {
        if (res.text.includes(secret)) {
          // The only place an owner's id may appear is the error message echoing the requested path.
          expect(res.json.error?.message ?? '', label).toContain(secret);
        }
      }
    }
  });

  it('leaves the owner’s resources untouched after the attempts', async () => {
    const flow = await stack.call('GET', `/flows/${ids.flow}`, owner);
    expect(flow.json).toMatchObject({ name: 'Owner flow', version: 1 });
    expect(flow.json.settings.required_fields).toEqual([]);
    expect((await stack.call('GET', `/recipients/${ids.recipient}`, owner)).json.name).toBe('Owner buyer');
    expect((await stack.call('GET', '/flows', ownerKey)).status).toBe(200);
    const key = await stack.call('GET', `/api-keys/${ids.key}`, owner);
    expect(key.json).toMatchObject({ status: 'active', rotated_at: null });
    const leads = await stack.call('GET', `/leads?flow_id=${ids.flow}`, owner);
    expect(leads.json.total_count).toBe(1);
    const events = await stack.call('GET', `/flows/${ids.flow}/events?event_type=converted`, owner);
    expect(events.json.total_events).toBe(0);
  });
});
