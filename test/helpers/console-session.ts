import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { BrowserContext } from 'playwright-core';
import { ensureConsoleBuilt } from '../../console/build.mjs';
import { guardNetwork, launchChromium } from './browser.js';
import type { TestStack } from './stack.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the console tests write their screenshots (CONSOLE_SCREENSHOTS=docs/screenshots refreshes the README's). */
export const SCREENSHOTS = join(ROOT, process.env.CONSOLE_SCREENSHOTS ?? '.data/console-screenshots');

export interface ConsoleSession {
  /** The stack's API (and so its console) on a real socket. */
  baseUrl: string;
  /** Debian's Chromium with a profile of its own. */
  browser: BrowserContext;
  /** Requests that left this machine and Content-Security-Policy problems, for the tests to assert on. */
  network: Awaited<ReturnType<typeof guardNetwork>>;
  close(): Promise<void>;
}

/** Builds the console if needed, serves a test stack's app on a free port and opens a guarded Chromium. */
export async function openConsoleSession(stack: TestStack): Promise<ConsoleSession> {
  await ensureConsoleBuilt();
  const server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const workDir = mkdtempSync(join(tmpdir(), 'leadrail-console-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const close = async () => {
    await browser?.close().catch(() => {});
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(workDir, { recursive: true, force: true });
  };
  let browser: BrowserContext | undefined;
  try {
    browser = await launchChromium(join(workDir, 'profile'));
    const network = await guardNetwork(browser);
    return { baseUrl, browser, network, close };
  } catch (err) {
    await close();
    throw err;
  }
}
