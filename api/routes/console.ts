import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { ApiError } from '../errors.js';
import { pageSecurityHeaders } from '../middleware/page-security.js';

// The operator console (console/, docs/decisions/0010-operator-console.md): a browser app built into
// console/dist by `npm run build:console` (bootstrap runs it for `npm start`, `npm test` and CI). Every
// page path answers the same HTML and the app routes in the browser; hashed assets are cached for good.
// The page itself is public: it holds no data until the operator signs in with an API key, and every
// call it makes goes through the API's own authentication and scopes.

export const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

export interface ConsoleOptions {
  /** Where the built console is (default console/dist). */
  distDir?: string;
  /** The Temporal Web UI the lead page links runs to; null: no links. */
  temporalUiUrl: string | null;
  temporalNamespace: string;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function consoleRouter(options: ConsoleOptions) {
  const distDir = options.distDir ?? CONSOLE_DIST;
  let page: string | undefined;
  // Read once: the build does not change under a running server. Settings travel in meta tags (the
  // Content-Security-Policy allows no inline script).
  const html = (): string | null => {
    if (page !== undefined) return page;
    const index = `${distDir}/index.html`;
    if (!existsSync(index)) return null;
    const settings = [
      `<meta name="leadrail:temporal-ui-url" content="${escapeAttribute(options.temporalUiUrl ?? '')}">`,
      `<meta name="leadrail:temporal-namespace" content="${escapeAttribute(options.temporalNamespace)}">`,
    ].join('\n');
    page = readFileSync(index, 'utf8').replace('</head>', `${settings}\n</head>`);
    return page;
  };
  const sendPage = (c: Context) => {
    const body = html();
    if (body === null) {
      return c.text(
        'The console is not built. Run `npm run build:console` (npm start and npm test do it for you).',
        503,
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(body);
  };
  const assets = serveStatic({
    root: `${distDir}/assets`,
    rewriteRequestPath: (path) => `/${path.slice(path.lastIndexOf('/') + 1)}`,
  });

  return (
    new Hono()
      .use('/console', pageSecurityHeaders())
      .use('/console/*', pageSecurityHeaders())
      .get('/console', sendPage)
      .get('/console/assets/:file', async (c) => {
        // File names carry a content hash: a new build has new names. A missing file is a 404, never the page.
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        const response = await assets(c, async () => {});
        if (!response) throw new ApiError(404, 'not_found', `No console file ${c.req.param('file')}`);
        return response;
      })
      // Any path under /console is a page of the app (its own router reads it), whatever its characters.
      .get('/console/:page{[\\s\\S]+}', sendPage)
  );
}
