import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The operator console: Preact + TSX, built into console/dist and served by the API at /console
// (api/routes/console.ts). `npm run console:dev` serves it with hot reload, calling the API on :3000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // ECharts is most of the bundle; it is loaded with the analytics page only.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/leads',
        '/flows',
        '/replays',
        '/failed-deliveries',
        '/analytics',
        '/query',
        '/me',
        '/recipients',
      ].map((path) => [path, process.env.LEADRAIL_API_URL ?? 'http://127.0.0.1:3000']),
    ),
  },
});
