import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey, type Scope } from '../../db/accounts.js';
import { auctionKit, bid } from '../helpers/auction-kit.js';
import { inOneWindow } from '../helpers/calendar-window.js';
import { type ConsoleSession, openConsoleSession, SCREENSHOTS } from '../helpers/console-session.js';
import { startRecipient } from '../helpers/recipient.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The operator console in Debian's Chromium, on the real stack (the suite's Temporal and Postgres, a
// worker, the API on a real socket) with a real local buyer: sign in, find a failed lead, replay it and
// see it delivered. Every page may reach this machine only, and must break no Content-Security-Policy
// rule. Screenshots of the main pages go to .data/console-screenshots/ (CONSOLE_SCREENSHOTS=docs/screenshots
// refreshes the ones the README shows).

describe('operator console (Chromium)', { timeout: 180_000 }, () => {
  let stack: TestStack;
  let session: ConsoleSession;
  let baseUrl: string;
  let browser: BrowserContext;
  let buyer: Awaited<ReturnType<typeof startRecipient>>;
  let adminKey: string;
  let accountId: string;
  let operatorKey: string;
  let flowId: string;
  let failedLeadId: string;
  const buyerState = { up: false };

  beforeAll(async () => {
    stack = await startTestStack();
    session = await openConsoleSession(stack);
    ({ baseUrl, browser } = session);
    buyer = await startRecipient(() =>
      buyerState.up
        ? { status: 200, body: { outcome: 'success', price: 9.5 } }
        : { status: 500, body: 'down' },
    );
    // The tenant's admin key sets things up; the operator signs in with a narrower key of the same account.
    const tenant = await stack.createAccount();
    adminKey = tenant.key;
    accountId = tenant.accountId;
    operatorKey = await keyWith(['leads:read', 'leads:write', 'flows:read', 'analytics:read']);
    const flow = await stack.call('POST', '/flows', adminKey, {
      name: 'Solar leads',
      delivery_retry: { maximum_attempts: 1, replay_window_seconds: 3600 },
      steps: [
        {
          type: 'delivery',
          recipient: { name: 'Sunny Buyer', config: { url: buyer.url, response: { price_path: 'price' } } },
        },
      ],
    });
    expect(flow.status, flow.text).toBe(201);
    flowId = flow.json.id;
    const lead = await stack.call('POST', `/flows/${flowId}/leads`, adminKey, {
      lead: { first_name: 'Ada', email: 'ada@example.com', phone: '(212) 555-0199', source: 'web_form' },
    });
    expect(lead.status, lead.text).toBe(201);
    expect(lead.json.status).toBe('delivery_failed');
    failedLeadId = lead.json.id;
  });

  afterAll(async () => {
    await session?.close();
    await buyer?.close();
    await stack?.stop();
  });

  async function keyWith(scopes: Scope[]): Promise<string> {
    const issued = await issueApiKey(stack.pool, accountId, {
      scopes,
      rateLimit: { perHour: 1_000_000, perMinute: 100_000 },
    });
    return issued.key;
  }

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    // Generous: the machine is shared with other test runs (waits end as soon as the page is ready).
    page.setDefaultTimeout(45_000);
    return page;
  }

  async function signIn(page: Page, key: string) {
    await page.goto(`${baseUrl}/console`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  it('signs in with a key kept in sessionStorage, never in a URL, and refuses a wrong key', async () => {
    const page = await newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(`${baseUrl}/console`);
    await page.getByRole('heading', { name: 'Leadrail console' }).waitFor();
    await page.getByLabel('API key').fill('lr_live_not_a_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Invalid or revoked API key/);
    expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);

    await page.getByLabel('API key').fill(operatorKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The first section the key may see, with its heading focused for keyboard and screen-reader users.
    await page.waitForURL(/\/console\/leads$/);
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
    expect(await page.evaluate('Object.values(sessionStorage)')).toEqual([operatorKey]);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    expect(urls.filter((url) => url.includes(operatorKey))).toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Leads',
      'Failed deliveries',
      'Flows',
      'Analytics',
    ]);

    // A reload keeps the session (same tab); signing out forgets the key.
    await page.reload();
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.close();
  });

  it('finds the failed lead with the search filters, shows its fields and deliveries, replays it and sees it delivered', async () => {
    const page = await newPage();
    await signIn(page, operatorKey);
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.getByLabel('Flow').selectOption(flowId);
    await page.getByRole('checkbox', { name: 'Delivery failed' }).check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/status=delivery_failed/);
    expect(page.url()).toContain(`flow_id=${flowId}`);
    await page.getByRole('heading', { name: '1 lead' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'console-leads.png') });

    await page.getByRole('link', { name: failedLeadId }).click();
    await page.waitForURL(new RegExp(`/console/leads/${failedLeadId}$`));
    await page.getByRole('heading', { name: `Lead ${failedLeadId}`, level: 1 }).waitFor();
    const deliveries = page
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Response code' }) });
    const firstTry = deliveries.getByRole('row').nth(1);
    await expect.poll(() => firstTry.textContent()).toMatch(/Sunny Buyer[\s\S]*Delivery failed[\s\S]*500/);
    expect(await firstTry.textContent()).toMatch(/First delivery/);
    // Parsed fields: the phone's components from GET /leads/{id}'s fields.
    const phone = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'phone' }) });
    expect(await phone.textContent()).toMatch(/\(212\) 555-0199[\s\S]*area\s*212/);
    // The run in the Temporal UI (not configured in this app): said, not a broken link.
    expect(await page.getByText('No Temporal UI configured').count()).toBe(1);

    buyerState.up = true;
    await page.getByRole('button', { name: 'Replay failed deliveries' }).click();
    await page.getByText('Replay finished').waitFor();
    expect(await page.getByText('Replay finished').textContent()).toMatch(
      /Delivered[\s\S]*success \(HTTP 200\)/,
    );
    await expect.poll(() => deliveries.getByRole('row').count()).toBe(3);
    expect(await deliveries.getByRole('row').nth(2).textContent()).toMatch(
      /Delivered[\s\S]*200[\s\S]*Replay/,
    );
    await expect.poll(() => page.locator('.status-line').textContent()).toMatch(/Delivered/);
    expect(buyer.requests).toHaveLength(2);
    const api = await stack.call('GET', `/leads/${failedLeadId}`, operatorKey);
    expect(api.json.status).toBe('delivered');
    await page.screenshot({ path: join(SCREENSHOTS, 'console-lead.png'), fullPage: true });
    await page.close();
  });

  /** A flow whose one buyer is down: `count` leads wait in delivery_failed. */
  async function failingFlow(name: string, count: number, buyerUrl: string) {
    const flow = await stack.call('POST', '/flows', adminKey, {
      name,
      delivery_retry: { maximum_attempts: 1, replay_window_seconds: 3600 },
      steps: [{ type: 'delivery', recipient: { name: `${name} buyer`, config: { url: buyerUrl } } }],
    });
    expect(flow.status, flow.text).toBe(201);
    const leads: string[] = [];
    for (let i = 0; i < count; i++) {
      const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, adminKey, {
        lead: { email: `bulk${i}@example.com`, source: 'bulk' },
      });
      expect(lead.json.status, lead.text).toBe('delivery_failed');
      leads.push(lead.json.id);
    }
    return { flowId: flow.json.id as string, leads };
  }

  it("shows an auction lead's round: every buyer's answer and price, the ranking, the floor and the winner", async () => {
    const kit = auctionKit(() => ({ stack, key: adminKey }));
    try {
      const high = await kit.buyer({ ping: bid(14.5) });
      const low = await kit.buyer({ ping: bid(6) });
      const none = await kit.buyer({
        ping: () => ({ status: 200, body: { bid: 0, reason: 'not buying TX' } }),
      });
      const ids = [
        await kit.pingPostRecipient(high, 'High Bidder'),
        await kit.pingPostRecipient(low, 'Low Bidder'),
        await kit.pingPostRecipient(none, 'Quiet Bidder', {
          bid: { price_path: 'bid', reason_path: 'reason' },
        }),
      ];
      const flow = await kit.auctionFlow(ids, { floor: 5 });
      const lead = await kit.submit(flow);
      expect(lead.status).toBe('delivered');

      const page = await newPage();
      await signIn(page, operatorKey);
      await page.goto(`${baseUrl}/console/leads/${lead.id}`);
      const auction = page.getByRole('region', { name: 'Auction' });
      await auction.waitFor();
      const summary = (await auction.locator('p').first().textContent())!.replace(/\s+/g, ' ');
      expect(summary).toMatch(/Round 1: sold to High Bidder at \$14\.50/);
      expect(summary).toMatch(/2 bid\(s\) from 3 buyer\(s\) asked · floor \$5\.00/);
      const rows = await auction.getByRole('row').allInnerTexts();
      const cells = rows.slice(1).map((r) => r.split('\t').map((c) => c.trim()));
      expect(cells.map((c) => [c[0]!.split(' ').slice(0, 2).join(' '), c[1], c[2], c[3], c[4]])).toEqual([
        ['High Bidder', 'Bid', '$14.50', '1', '—'],
        ['Low Bidder', 'Bid', '$6.00', '2', '—'],
        ['Quiet Bidder', 'No bid', '—', '—', 'not buying TX'],
      ]);
      await page.close();
    } finally {
      await kit.closeBuyers();
    }
  });

  it('lists the replay queue by flow and recipient, bulk-replays a group after a dry run and follows it to the end', async () => {
    const bulkState = { up: false };
    const bulkBuyer = await startRecipient(() =>
      bulkState.up ? { status: 200, body: { outcome: 'success' } } : { status: 503, body: 'maintenance' },
    );
    try {
      const { leads } = await failingFlow('Bulk flow', 3, bulkBuyer.url);
      const page = await newPage();
      await signIn(page, operatorKey);
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Failed deliveries' })
        .click();
      await page.getByRole('heading', { name: 'Failed deliveries', level: 1 }).waitFor();
      const section = page.getByRole('region', { name: /Bulk flow/ });
      const group = section.getByRole('row').filter({ hasText: 'Bulk flow buyer' });
      await expect.poll(() => group.textContent()).toMatch(/Recipient answered HTTP 503[\s\S]*3/);
      await page.screenshot({ path: join(SCREENSHOTS, 'console-failed-deliveries.png'), fullPage: true });

      await group.getByRole('button', { name: /Bulk replay/ }).click();
      const replayButton = page.getByRole('button', { name: /^Replay (\d+ leads?|\(dry run first\))$/ });
      expect(await replayButton.isDisabled()).toBe(true); // no replay before a dry run
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      await page.getByText('Dry run: 3 leads would be replayed').waitFor();
      for (const id of leads) expect(await page.getByRole('cell', { name: id }).count()).toBe(1);
      expect(bulkBuyer.requests).toHaveLength(3); // the dry run sent nothing
      await page.screenshot({ path: join(SCREENSHOTS, 'console-bulk-dry-run.png'), fullPage: true });

      bulkState.up = true;
      await page.getByRole('button', { name: 'Replay 3 leads' }).click();
      await page.waitForURL(/replay=rpl_/);
      const progress = page.getByRole('region', { name: /Bulk replay rpl_/ });
      await expect
        .poll(() => progress.getByRole('status').textContent(), { timeout: 60_000 })
        .toMatch(/3 of 3 processed[\s\S]*Completed[\s\S]*3 delivered, 0 still failed/);
      expect(bulkBuyer.requests).toHaveLength(6);
      for (const id of leads) {
        expect((await stack.call('GET', `/leads/${id}`, adminKey)).json.status).toBe('delivered');
      }
      // The queue reloads when the replay ends: the group is gone.
      await expect.poll(() => page.getByRole('region', { name: /Bulk flow/ }).count()).toBe(0);
      await page.close();
    } finally {
      await bulkBuyer.close();
    }
  });

  it('cancels a running bulk replay', async () => {
    const slowBuyer = await startRecipient(() => ({ status: 503, body: 'down' }));
    try {
      const { flowId: slowFlow } = await failingFlow('Slow flow', 5, slowBuyer.url);
      const page = await newPage();
      await signIn(page, operatorKey);
      await page.goto(`${baseUrl}/console/failed?flow_id=${slowFlow}`);
      const group = page.getByRole('row').filter({ hasText: 'Slow flow buyer' });
      await group.getByRole('button', { name: /Bulk replay/ }).click();
      // One lead every 10 seconds: the replay is still running when it is cancelled.
      await page.getByLabel('Leads per second').fill('0.1');
      await page.getByRole('button', { name: 'Dry run', exact: true }).click();
      await page.getByRole('button', { name: 'Replay 5 leads' }).click();
      const progress = page.getByRole('region', { name: /Bulk replay rpl_/ });
      await progress.getByRole('button', { name: 'Cancel bulk replay' }).click();
      await expect
        .poll(() => progress.getByRole('status').textContent(), { timeout: 60_000 })
        .toMatch(/Cancelled/);
      const replayId = new URL(page.url()).searchParams.get('replay');
      const api = await stack.call('GET', `/replays/${replayId}`, adminKey);
      expect(api.json.status).toBe('cancelled');
      await expect.poll(() => progress.getByRole('button', { name: 'Close' }).count()).toBe(1);
      await page.close();
    } finally {
      await slowBuyer.close();
    }
  });

  it('shows a key without leads:read no leads, and asks the API for none', async () => {
    // A key of the very account whose leads exist (the failed lead above): without the scope, none shows.
    const readerKeys = [await keyWith(['flows:read', 'analytics:read']), await keyWith(['leads:write'])];
    const lead = { json: { id: failedLeadId } };
    for (const key of readerKeys) {
      const page = await newPage();
      const calls: string[] = [];
      page.on('request', (request) => calls.push(new URL(request.url()).pathname));
      await signIn(page, key);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      expect(await nav.getByRole('link', { name: 'Leads' }).count()).toBe(0);
      await page.goto(`${baseUrl}/console/leads`);
      await page.getByText('lacks the leads:read scope').waitFor();
      await page.goto(`${baseUrl}/console/leads/${lead.json.id}`);
      await page.getByText('lacks the leads:read scope').waitFor();
      expect(calls.filter((path) => path === '/leads' || path.startsWith('/leads/'))).toEqual([]);
      expect(await page.getByText(lead.json.id).count()).toBeLessThanOrEqual(1); // the heading names the id asked for
      expect(await page.locator('table').count()).toBe(0);
      await page.close();
    }
  });

  it('serves /docs from the package: the operations render with nothing but this server', async () => {
    const page = await newPage();
    // Swagger UI parses a 1.4 MB bundle and renders ~60 operations: slow on a busy 2-core machine.
    page.setDefaultTimeout(60_000);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const response = await page.goto(`${baseUrl}/docs`);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    await page.getByText('Leadrail API').first().waitFor();
    const operations = page.locator('.opblock-summary-path');
    await expect.poll(() => operations.count(), { timeout: 60_000 }).toBeGreaterThan(40);
    expect(await operations.allTextContents()).toEqual(
      expect.arrayContaining(['/flows/{flow_id}/leads', '/replays', '/me']),
    );
    expect(requested.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png') });
    await page.close();
  });

  /** A tenant of its own with known numbers: 3 leads from google, 2 from facebook (one refused), a buyer paying 12. */
  async function analyticsTenant() {
    const tenant = await stack.createAccount();
    const seller = await startRecipient(() => ({ status: 200, body: { outcome: 'success', price: 12 } }));
    const flow = await stack.call('POST', '/flows', tenant.key, {
      name: 'Charted flow',
      settings: { acceptance_criteria: 'lead.state != "NY"', time_zone: 'UTC' },
      caps: [{ maximum: 10, per: 'day' }],
      steps: [
        {
          type: 'delivery',
          recipient: { name: 'Acme Buyer', config: { url: seller.url, response: { price_path: 'price' } } },
        },
      ],
    });
    expect(flow.status, flow.text).toBe(201);
    const leads: Array<[string, string]> = [
      ['google', 'TX'],
      ['google', 'TX'],
      ['google', 'CA'],
      ['facebook', 'TX'],
      ['facebook', 'NY'],
    ];
    for (const [i, [source, state]] of leads.entries()) {
      const lead = await stack.call('POST', `/flows/${flow.json.id}/leads`, tenant.key, {
        lead: { email: `chart${i}@example.com`, state, source },
      });
      // A refused lead answers 422 (lead_rejected); the others were sold.
      expect(lead.status, lead.text).toBe(state === 'NY' ? 422 : 201);
      if (state !== 'NY') expect(lead.json.status).toBe('delivered');
    }
    return { key: tenant.key, flowId: flow.json.id as string, seller };
  }

  // Today's bar and the periods' end are UTC days: the five leads and the views must fall in one, so
  // the scenario runs once more, with a new tenant, if the day ended while it ran.
  it("charts the tenant's real leads over time, by source and by recipient, with the period in the URL", () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const { key, seller } = await analyticsTenant();
      try {
        const page = await newPage();
        await signIn(page, key);
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Analytics' })
          .click();
        await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
        // The default period (the last 30 UTC days) is written into the URL, so the view can be shared as is.
        await page.waitForURL(/start_date=\d{4}-\d{2}-\d{2}&end_date=\d{4}-\d{2}-\d{2}/);
        const tiles = page.locator('.tiles');
        await expect
          .poll(() => tiles.textContent())
          .toMatch(/Leads\s*5[\s\S]*Acceptance rate\s*80%[\s\S]*Revenue\s*\$48\.00/);

        // The by-source chart is drawn (SVG) from the API's numbers: its bars are labelled with the sources,
        // and ECharts' generated description reads the values.
        const bySource = page.locator('[data-chart="source-leads"]');
        await expect
          .poll(() => bySource.locator('svg text').allTextContents())
          .toEqual(expect.arrayContaining(['google', 'facebook']));
        const description = (await bySource.getAttribute('aria-label')) ?? '';
        expect(description).toMatch(/Received[\s\S]*google[^\d]*3[\s\S]*facebook[^\d]*2/);
        expect(description).toMatch(/Accepted[\s\S]*google[^\d]*3[\s\S]*facebook[^\d]*1/);
        expect(await bySource.locator('svg path').count()).toBeGreaterThan(6);
        const byRecipient = page.locator('[data-chart="recipient-revenue"]');
        expect(await byRecipient.getAttribute('aria-label')).toMatch(/Acme Buyer[^\d]*48/);
        // Over time: today's bar holds the five leads.
        const today = new Date().toISOString().slice(0, 10);
        expect(await page.locator('[data-chart="volume"]').getAttribute('aria-label')).toMatch(
          new RegExp(`${today}[^\\d]*5`),
        );
        await page.screenshot({ path: join(SCREENSHOTS, 'console-analytics.png'), fullPage: true });

        // Another period through the form: its URL opens the same view in a new tab.
        await page.getByLabel('From (UTC day)').fill('2020-01-01');
        await page.getByLabel('To (UTC day, inclusive)').fill('2020-01-31');
        await page.getByRole('button', { name: 'Show' }).click();
        await page.waitForURL(/start_date=2020-01-01&end_date=2020-01-31/);
        await expect.poll(() => tiles.textContent()).toMatch(/Leads\s*0/);
        expect(await page.getByText('No leads in this period.').count()).toBe(1);
        const shared = await newPage();
        // Another tab (a colleague's browser) opens the link, signs in, and sees that view.
        await shared.goto(page.url());
        await shared.getByLabel('API key').fill(key);
        await shared.getByRole('button', { name: 'Sign in' }).click();
        await shared.getByRole('heading', { name: '2020-01-01 to 2020-01-31' }).waitFor();
        expect(await shared.getByLabel('From (UTC day)').inputValue()).toBe('2020-01-01');
        await shared.getByRole('link', { name: 'Last 7 days' }).click();
        await expect.poll(() => shared.locator('.tiles').textContent()).toMatch(/Leads\s*5/);
        expect(new URL(shared.url()).searchParams.get('end_date')).toBe(today);
        await shared.close();
        await page.close();
      } finally {
        await seller.close();
      }
    }));

  // The flow's cap is per UTC day: its usage is read in the day the leads took their slots, or the
  // scenario runs once more, with a new tenant.
  it("shows a flow's steps, recipients, versions and caps with their usage", () =>
    inOneWindow(stack.pool, { unit: 'day' }, async () => {
      const { key, flowId, seller } = await analyticsTenant();
      try {
        const page = await newPage();
        await signIn(page, key);
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Flows' }).click();
        await page.getByRole('heading', { name: 'Flows', level: 1 }).waitFor();
        await page.getByRole('link', { name: 'Charted flow' }).click();
        await page.waitForURL(new RegExp(`/console/flows/${flowId}$`));
        await page.getByRole('heading', { name: /Charted flow/, level: 1 }).waitFor();
        expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
        // Four leads were delivered today; the refused one gave its slot back.
        const cap = page
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: /10 per day/ }) });
        await expect.poll(() => cap.textContent()).toMatch(/This flow[\s\S]*4 of 10/);
        expect(await cap.locator('meter').evaluate((m) => (m as unknown as { value: number }).value)).toBe(4);
        const steps = page.getByRole('list').filter({ hasText: 'Delivery' });
        expect(await steps.textContent()).toMatch(
          /Source[\s\S]*lead\.state != "NY"[\s\S]*Delivery[\s\S]*Acme Buyer/,
        );
        const recipients = page.getByRole('region', { name: 'Recipients' });
        expect(await recipients.getByRole('row').filter({ hasText: 'Acme Buyer' }).textContent()).toMatch(
          /Acme Buyer[\s\S]*POST http:\/\/127\.0\.0\.1:\d+\/leads/,
        );
        const versions = page.getByRole('region', { name: 'Versions' });
        await expect.poll(() => versions.getByRole('row').nth(1).textContent()).toMatch(/1 \(current\)/);
        await page.screenshot({ path: join(SCREENSHOTS, 'console-flow.png'), fullPage: true });
        await page.close();
      } finally {
        await seller.close();
      }
    }));

  it('reached nothing beyond this machine and broke no Content-Security-Policy rule', () => {
    expect(session.network.offsite).toEqual([]);
    expect(session.network.problems).toEqual([]);
  });
});
