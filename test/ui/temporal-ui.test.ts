import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import type { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { createApp } from '../../api/app.js';
import { insertAccount, issueApiKey } from '../../db/accounts.js';
import { createPool, type Pool } from '../../db/pool.js';
import { freePort } from '../../dev/ports.js';
import { type DevServer, startDevServer } from '../../dev/temporal-server.js';
import { connectClient } from '../../temporal/connect.js';
import { createLeadWorker } from '../../temporal/lead-worker.js';
import { EncryptionCodec } from '../../temporal/payload-codec.js';
import { launchChromium, requireChromium } from '../helpers/browser.js';
import { testPayloadKeys } from '../helpers/payload-keys.js';
import { startRecipient } from '../helpers/recipient.js';
import { silentLogger } from '../helpers/stack.js';

// The Temporal Web UI as an operator uses it: filter the workflow list by a flow's FlowId search
// attribute, open a lead's run and see its delivery activity and the lead it carries. Payloads are
// encrypted, so the UI reads them through the API's codec endpoint (--ui-codec-endpoint), which needs
// the operator's sign-in. A Temporal dev server of its own, WITH the UI (the shared one is headless),
// the real worker, API (listening, for the browser's codec calls) and Postgres, and Debian's Chromium
// driven by playwright-core (which never downloads a browser).

const SCREENSHOT = fileURLToPath(new URL('../../.data/ui-test.png', import.meta.url));
const OPERATOR_TOKEN = `ui-test-operator-${randomUUID()}`;
const EMAIL = 'pat.uitest@example.com';

describe('Temporal Web UI (Chromium)', () => {
  let workDir: string;
  let server: DevServer;
  let pool: Pool;
  let client: Client;
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  let recipient: Awaited<ReturnType<typeof startRecipient>>;
  let browser: BrowserContext | undefined;
  let api: ServerType;
  let codecUrl: string;
  // biome-ignore lint/suspicious/noExplicitAny: API answers are read field by field
  let call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'leadrail-ui-test-'));
    chmodSync(workDir, 0o755);
    const [port, uiPort, apiPort] = await Promise.all([freePort(), freePort(), freePort()]);
    codecUrl = `http://127.0.0.1:${apiPort}/codec`;
    server = await startDevServer({
      port,
      uiPort,
      codecEndpoint: codecUrl,
      logFile: join(workDir, 'temporal.log'),
    });

    pool = createPool(inject('databaseUrl'), 5);
    const payloadKeys = testPayloadKeys();
    ({ client, connection } = await connectClient(server.address, 'default', payloadKeys));
    nativeConnection = await NativeConnection.connect({ address: server.address });
    const taskQueue = `ui-${randomUUID()}`;
    worker = await createLeadWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      payloadKeys,
      activities: createActivities({ pool, temporal: { client, taskQueue } }),
      workflowBundlePath: inject('workflowBundlePath'),
    });
    running = worker.run();
    const app = createApp({
      pool,
      temporal: client,
      taskQueue,
      logger: silentLogger,
      codec: {
        codec: new EncryptionCodec(payloadKeys),
        token: OPERATOR_TOKEN,
        allowLoopback: false,
        corsOrigins: [server.uiUrl!],
        secureCookie: false,
      },
    });
    api = serve({ fetch: app.fetch, port: apiPort, hostname: '127.0.0.1' });
    await new Promise((resolve) => api.once('listening', resolve));
    const account = await insertAccount(pool, `UI test ${randomUUID().slice(0, 8)}`);
    const { key } = await issueApiKey(pool, account.id, {
      rateLimit: { perHour: 100_000, perMinute: 10_000 },
    });
    call = async (method, path, body) => {
      const res = await app.request(path, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    };
    recipient = await startRecipient();
  });

  afterAll(async () => {
    await browser?.close().catch(() => {});
    await new Promise((resolve) => (api ? api.close(resolve) : resolve(undefined)));
    await recipient?.close();
    if (worker) {
      worker.shutdown();
      await running;
    }
    await nativeConnection?.close();
    await connection?.close();
    await pool?.end();
    await server?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  async function deliveredLead(buyerName: string) {
    const flow = await call('POST', '/flows', {
      name: `UI flow ${buyerName}`,
      steps: [
        { type: 'delivery', name: buyerName, recipient: { name: buyerName, config: { url: recipient.url } } },
      ],
    });
    expect(flow.status, JSON.stringify(flow.json)).toBe(201);
    const lead = await call('POST', `/flows/${flow.json.id}/leads`, {
      lead: { first_name: 'Pat', email: EMAIL, phone: '(212) 555-0199' },
    });
    expect(lead.status, JSON.stringify(lead.json)).toBe(201);
    expect(lead.json.status).toBe('delivered');
    return { flowId: flow.json.id as string, leadId: lead.json.id as string };
  }

  it("filters the workflow list by FlowId, opens the lead's run and shows its delivery and lead, decoded through the codec endpoint once signed in", async () => {
    requireChromium(); // fails (never skips) with how to install it
    const target = await deliveredLead('UI Buyer');
    const other = await deliveredLead('Other Buyer'); // a lead of another flow, which the filter must hide
    expect(recipient.requests).toHaveLength(2);
    // The UI lists from visibility; wait until the search attribute is indexed.
    await expect
      .poll(
        async () => {
          const ids: string[] = [];
          for await (const wf of client.workflow.list({ query: `FlowId="${target.flowId}"` }))
            ids.push(wf.workflowId);
          return ids;
        },
        { timeout: 15_000 },
      )
      .toEqual([target.leadId]);

    const profile = join(workDir, 'chromium-profile');
    browser = await launchChromium(profile);
    const page: Page = browser.pages()[0] ?? (await browser.newPage());
    rmSync(SCREENSHOT, { force: true }); // only a failure of this run leaves one
    // The UI is a large single-page app: on a busy shared machine a page takes long to come up.
    page.setDefaultTimeout(45_000);
    try {
      // Not signed in to the codec endpoint: the run opens, the codec endpoint refuses the UI's calls
      // and the payloads stay sealed (the input is ciphertext, the activities have no summaries).
      const { runId } = await client.workflow.getHandle(target.leadId).describe();
      await page.goto(`${server.uiUrl}/namespaces/default/workflows/${target.leadId}/${runId}`, {
        waitUntil: 'domcontentloaded',
        timeout: 30_000,
      });
      await page.getByText('Codec Server could not connect').filter({ visible: true }).first().waitFor();
      await page.getByText('Input', { exact: true }).filter({ visible: true }).first().waitFor();
      // The Input panel first shows "null" and fills in once the UI has the run's payloads (its codec
      // call has failed by then), so wait for the ciphertext rather than reading the first render.
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as an operator reads it
      const mainText = () => page.locator('main').innerText();
      await expect.poll(mainText, { timeout: 20_000 }).toMatch(/"[A-Za-z0-9+/]{40,}/);
      const sealed = await mainText();
      expect(sealed).not.toContain('"leadId"');
      expect(sealed).not.toMatch(/Deliver to UI Buyer/);

      // The operator signs in once at the codec endpoint and lets the UI send that session along
      // (the UI's Codec Server setting "include cross-origin credentials"; compose sets it for everyone).
      await page.goto(codecUrl);
      await page.getByLabel(/Operator token/).fill(OPERATOR_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.goto(server.uiUrl!, { waitUntil: 'domcontentloaded' });
      await page.evaluate((endpoint) => {
        // biome-ignore lint/suspicious/noExplicitAny: the page's own globals (this runs in the browser)
        const storage = (globalThis as any).localStorage;
        storage.setItem('endpoint', JSON.stringify(endpoint));
        storage.setItem('includeCredentials', 'true');
        storage.setItem('overrideRemoteCodecConfiguration', 'true');
      }, codecUrl);

      const query = encodeURIComponent(`FlowId="${target.flowId}"`);
      await page.goto(`${server.uiUrl}/namespaces/default/workflows?query=${query}`, {
        waitUntil: 'domcontentloaded',
        timeout: 30_000,
      });
      const row = page.getByRole('link', { name: target.leadId, exact: true });
      await row.waitFor();
      expect(await page.getByRole('link', { name: other.leadId, exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^lead_/ }).count()).toBe(1);

      await row.click();
      await page.waitForURL(new RegExp(`/workflows/${target.leadId}/`));
      await page.getByRole('heading', { name: target.leadId }).waitFor();
      // The timeline (the default tab) names each activity with its summary: "deliverLead • Deliver to …".
      const delivery = page.getByText(/deliverLead\s*•\s*Deliver to UI Buyer/);
      await delivery.first().waitFor();
      expect(await delivery.count()).toBeGreaterThanOrEqual(1);
      expect(await page.getByText(/Deliver to Other Buyer/).count()).toBe(0);
      // The lead itself, decoded: the run's input (the first code view; it draws only the lines in
      // view, so scroll through it) shows its email.
      const input = page.locator('.cm-scroller:visible').first();
      await input.waitFor();
      await expect
        .poll(
          async () => {
            if ((await page.getByText(EMAIL).count()) > 0) return true;
            await input.evaluate((el) => el.scrollBy(0, el.clientHeight / 2));
            return false;
          },
          { timeout: 15_000, interval: 200 },
        )
        .toBe(true);

      // The event history lists the scheduled activity with its type and summary.
      await page.getByRole('tab', { name: /Event History/ }).click();
      await page.waitForURL(/\/history$/);
      await page.getByText('Activity Task Scheduled').first().waitFor();
      await expect
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as an operator reads it
        .poll(() => page.locator('main').innerText(), { timeout: 20_000 })
        .toMatch(/Activity Task Scheduled\s+Activity Type\s+deliverLead\s+Summary\s+Deliver to UI Buyer/);
    } catch (err) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
      throw new Error(`${err instanceof Error ? err.message : String(err)}\n(screenshot: ${SCREENSHOT})`, {
        cause: err,
      });
    }
  }, 240_000);
});
