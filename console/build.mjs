#!/usr/bin/env node
// Builds the operator console into console/dist when its sources changed since the last build (a
// hash of them is kept in dist/.source-sha256). Bootstrap runs it after `npm ci`, so `npm start`,
// `npm test` and CI always serve a build of the sources they have; `--force` builds regardless.
// Plain Node: vite is loaded only when a build is needed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));
const root = join(consoleDir, '..');
const distDir = join(consoleDir, 'dist');
const stampFile = join(distDir, '.source-sha256');

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

/** What the build depends on: the console's sources, the typed client it imports, the lockfile. */
function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [
    join(consoleDir, 'index.html'),
    join(consoleDir, 'vite.config.ts'),
    ...files(join(consoleDir, 'src')),
    join(root, 'client', 'index.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const file of inputs) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Builds unless dist/ already holds a build of these sources; returns whether it built. */
export async function ensureConsoleBuilt({ force = false, log = () => {} } = {}) {
  const hash = sourceHash();
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return false;
  log('building the operator console (vite build into console/dist)');
  const { build } = await import('vite');
  await build({ configFile: join(consoleDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureConsoleBuilt({
    force: process.argv.includes('--force'),
    log: (message) => process.stderr.write(`[console] ${message}\n`),
  });
}
