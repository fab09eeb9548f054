import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { ApiError } from '../errors.js';
import { pageSecurityHeaders } from '../middleware/page-security.js';

// Interactive API docs (Swagger UI) served from the swagger-ui-dist package in node_modules: nothing
// is loaded from a CDN, so /docs works offline and tells no third party who reads it. URLs are
// relative, so the page works at /docs and at /api/v1/docs alike.

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The files of the package the page uses; anything else under /docs/assets is a 404. */
export const DOCS_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leadrail API documentation</title>
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/assets/favicon-32x32.png">
</head>
<body>
<main id="swagger-ui" data-spec-url="openapi.json"><noscript>The API documentation needs JavaScript; the OpenAPI document is at <a href="openapi.json">openapi.json</a>.</noscript></main>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

// An external script, not an inline one: the Content-Security-Policy allows scripts from this origin only.
// validatorUrl null: Swagger UI would otherwise send the document to a public validator.
const INIT = `'use strict';
(function () {
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-spec-url'),
    domNode: root,
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
})();
`;

export function docsRouter() {
  const files = new Set<string>(DOCS_ASSETS);
  const assets = serveStatic({
    root: SWAGGER_UI_DIR,
    rewriteRequestPath: (path) => `/${path.slice(path.lastIndexOf('/') + 1)}`,
  });
  // Swagger UI sets style attributes and writes style elements as it renders: inline styles allowed,
  // still only from this origin.
  return new Hono()
    .use('/docs', pageSecurityHeaders({ inlineStyles: true }))
    .use('/docs/*', pageSecurityHeaders({ inlineStyles: true }))
    .get('/docs', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(PAGE);
    })
    .get('/docs/init.js', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    })
    .get('/docs/assets/:file', async (c) => {
      const file = c.req.param('file');
      c.header('Cache-Control', 'public, max-age=86400');
      const response = files.has(file) ? await assets(c, async () => {}) : undefined;
      if (!response) throw new ApiError(404, 'not_found', `No documentation file ${file}`);
      return response;
    });
}
