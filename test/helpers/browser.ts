import { accessSync, constants } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's Chromium driven by playwright-core (which never downloads a browser), without anything that
// would make it reach the network on its own.
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails (never skips) with how to install Chromium when it is missing. */
export function requireChromium(): void {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; the browser tests need it (playwright-core drives the ` +
        'system browser and never downloads one). Install it with:\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '(.ci/run installs it the same way.)',
    );
  }
}

export function launchChromium(profileDir: string): Promise<BrowserContext> {
  requireChromium();
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Lets the pages of `context` reach this machine only: every request to another host is aborted and
 * recorded (a page that works offline attempts none), and every Content-Security-Policy violation and
 * uncaught page error is recorded too.
 */
export async function guardNetwork(context: BrowserContext) {
  const offsite: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  const watch = (page: import('playwright-core').Page) => {
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return { offsite, problems };
}
