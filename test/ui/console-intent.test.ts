import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleSession, openConsoleSession, SCREENSHOTS } from '../helpers/console-session.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The console's Intent page in Debian's Chromium, on the real stack with the intent service (its worker
// on the suite's Temporal, the index built from the suite's Postgres after importing the test corpus).

describe('operator console: intent (Chromium)', { timeout: 180_000 }, () => {
  let stack: TestStack;
  let session: ConsoleSession;
  let baseUrl: string;
  let browser: BrowserContext;
  let queryKey: string;

  beforeAll(async () => {
    stack = await startTestStack({ intent: {} });
    const admin = await stack.createAccount();
    const imported = await stack.importIntentCorpus(admin.key);
    expect(imported.status, imported.text).toBe(200);
    ({ key: queryKey } = await stack.createAccount({ scopes: ['intent:query'] }));
    session = await openConsoleSession(stack);
    ({ baseUrl, browser } = session);
  });

  afterAll(async () => {
    await session?.close();
    await stack?.stop();
  });

  it('ranks companies for a query with filters, shows each with its signals, and keeps the search in the URL', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(45_000);
    await page.goto(`${baseUrl}/console`);
    await page.getByLabel('API key').fill(queryKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A key with intent:query only: the one section it may see, opened first.
    await page.getByRole('heading', { name: 'Intent', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Intent']);

    await page.getByLabel('What are you looking for?').fill('Find companies looking for CRM software');
    await page.getByLabel('Industries').fill('Software, Fintech');
    await page.getByRole('checkbox', { name: '11-50' }).check();
    await page.getByRole('checkbox', { name: '51-200' }).check();
    await page.getByLabel('Results').selectOption('10');
    await page.getByRole('button', { name: 'Rank companies' }).click();
    await page.waitForURL(/\/console\/intent\?q=Find\+companies/);
    const heading = page.getByRole('heading', { name: /^Top \d+ of \d+ companies$/ });
    await heading.waitFor();

    // What the API answers for the same request, in the same order, each with its signals.
    const api = await stack.call('POST', '/query', queryKey, {
      query: 'Find companies looking for CRM software',
      limit: 10,
      filters: { industries: ['Software', 'Fintech'], company_size: ['11-50', '51-200'] },
    });
    expect(api.status, api.text).toBe(200);
    const expected = api.json.leads as Array<{
      company_name: string;
      industry: string;
      company_size: string;
      intent_signals: string[];
    }>;
    expect(expected.length).toBeGreaterThan(1);
    expect(await heading.textContent()).toBe(
      `Top ${expected.length} of ${api.json.metadata.total_leads} companies`,
    );
    const results = page.getByRole('article');
    expect(await results.count()).toBe(expected.length);
    for (const [i, lead] of expected.entries()) {
      const result = results.nth(i);
      expect(await result.getByRole('heading').textContent()).toContain(`${i + 1}. ${lead.company_name}`);
      expect(['Software', 'Fintech']).toContain(lead.industry);
      expect(['11-50', '51-200']).toContain(lead.company_size);
      const signals = result.getByRole('list', { name: `Signals for ${lead.company_name}` });
      expect(await signals.getByRole('listitem').allTextContents()).toEqual(lead.intent_signals);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'console-intent.png') });

    // The URL is the search: reloading it restores the query, its filters and the ranking.
    await page.reload();
    await heading.waitFor();
    expect(await page.getByLabel('What are you looking for?').inputValue()).toBe(
      'Find companies looking for CRM software',
    );
    expect(await page.getByRole('checkbox', { name: '51-200' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '1-10', exact: true }).isChecked()).toBe(false);
    expect(await results.count()).toBe(expected.length);

    // A link with a query too short for the API says so, and sends nothing.
    const queries: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/query') queries.push(request.url());
    });
    await page.goto(`${baseUrl}/console/intent?q=CRM`);
    await page.getByRole('alert').filter({ hasText: 'The query needs at least 10 characters.' }).waitFor();
    expect(queries).toEqual([]);
    expect(await results.count()).toBe(0);
    await page.close();
  });

  it('reached nothing beyond this machine and broke no Content-Security-Policy rule', () => {
    expect(session.network.offsite).toEqual([]);
    expect(session.network.problems).toEqual([]);
  });
});
