import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { SearchAttributeType } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../dev/processes.js';
import {
  DEFAULT_HISTORY_SHARDS,
  DEFAULT_TEMPORAL_PORTS,
  DYNAMIC_CONFIG_FILE,
  NAMESPACE_SCRIPT,
  resolveTemporalServer,
  SCHEMA_SCRIPT,
  TEMPORAL_SERVER_VERSION,
  TEMPORAL_UI_VERSION,
  temporalServerEnvironment,
} from '../../dev/temporal-cluster.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/shared.js';

// docker-compose.yml and `npm run start:prod` (dev/temporal-cluster.ts) run the same Temporal server:
// same version, same schema steps, same server settings and dynamic config, same namespace and search
// attributes. Only addresses, ports and credentials differ by design.

interface ComposeService {
  image?: string;
  environment?: Record<string, string | number | boolean>;
  volumes?: string[];
  entrypoint?: string[];
}
const compose = parse(readFileSync(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const service = (name: string) => {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
};
/** Compose's `${NAME:-default}` as it is when NAME is unset. */
const withDefaults = (value: unknown) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
const environment = (name: string) =>
  Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([k, v]) => [k, withDefaults(v)]));

/** Where a host file of ours is mounted in a service's container (`./deploy/x:/in/container:ro`). */
function mountOf(serviceName: string, hostFile: string): string | undefined {
  const relative = `./${posix.relative(PROJECT_ROOT, hostFile)}`;
  for (const volume of service(serviceName).volumes ?? []) {
    const [host, container] = volume.split(':');
    if (host === relative) return container;
  }
  return undefined;
}

/** Variables a shell script reads without a default of its own (`$X`, `${X}`, not `${X:-d}`). */
function variablesRequired(script: string): string[] {
  const text = readFileSync(script, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n');
  const names = new Set<string>();
  for (const m of text.matchAll(/\$\{?([A-Z][A-Z0-9_]*)(:-)?/g)) if (!m[2]) names.add(m[1]!);
  return [...names].sort();
}

const localServerEnv = temporalServerEnvironment({
  postgres: { host: '127.0.0.1', port: 5432, user: 'temporal', password: 'secret' },
  ports: DEFAULT_TEMPORAL_PORTS,
  numHistoryShards: DEFAULT_HISTORY_SHARDS,
});
// Where the two run differs by design: connection, credentials, bind address, ports, logging, metrics.
const PER_ENVIRONMENT = new Set([
  'DB_PORT',
  'POSTGRES_SEEDS',
  'POSTGRES_USER',
  'POSTGRES_PWD',
  'BIND_ON_IP',
  'LOG_LEVEL',
  'PROMETHEUS_ENDPOINT',
  'DYNAMIC_CONFIG_FILE_PATH', // a path on each side; the mount is checked below
  ...Object.keys(localServerEnv).filter((k) => /_(GRPC|HTTP|MEMBERSHIP)_PORT$/.test(k)),
]);

describe('docker-compose.yml and the local production shape', () => {
  it('pin the same Temporal server, admin tools and UI versions as package.json', () => {
    expect(service('temporal').image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
    expect(service('temporal-schema').image).toBe(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION}`);
    expect(service('temporal-namespace').image).toBe(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION}`);
    expect(service('temporal-ui').image).toBe(`temporalio/ui:${TEMPORAL_UI_VERSION}`);
    // The locally built binary is that version.
    const { server } = resolveTemporalServer();
    expect(execFileSync(server, ['--version'], { encoding: 'utf8' })).toContain(TEMPORAL_SERVER_VERSION);
  });

  it('set the server up with the same settings (everything but addresses, ports and credentials)', () => {
    const composeEnv = environment('temporal');
    const settings = (env: Record<string, string>) =>
      Object.fromEntries(Object.entries(env).filter(([k]) => !PER_ENVIRONMENT.has(k)));
    expect(settings(composeEnv)).toEqual(settings(localServerEnv));
    // Both connect to PostgreSQL with the postgres12 plugin and set every per-environment variable.
    for (const key of ['DB_PORT', 'POSTGRES_SEEDS', 'POSTGRES_USER', 'POSTGRES_PWD', 'BIND_ON_IP']) {
      expect(composeEnv[key], key).toBeTruthy();
    }
    expect(composeEnv.NUM_HISTORY_SHARDS).toBe(String(DEFAULT_HISTORY_SHARDS));
  });

  it('give the server the same dynamic config file, which the server itself accepts without warnings', () => {
    const mounted = mountOf('temporal', DYNAMIC_CONFIG_FILE);
    expect(mounted).toBeDefined();
    // The image's working directory is /etc/temporal; the path may be relative to it.
    expect(posix.resolve('/etc/temporal', environment('temporal').DYNAMIC_CONFIG_FILE_PATH!)).toBe(mounted);
    expect(localServerEnv.DYNAMIC_CONFIG_FILE_PATH).toBe(DYNAMIC_CONFIG_FILE);
    const { server } = resolveTemporalServer();
    const report = execFileSync(server, ['validate-dynamic-config', DYNAMIC_CONFIG_FILE], {
      encoding: 'utf8',
    });
    expect(report.trim()).toBe(DYNAMIC_CONFIG_FILE);
  });

  it("keep the server's search-attribute and namespace caches, as Temporal says production must", () => {
    // Turned on, every start, upsert and visibility task reads them from PostgreSQL under a lock.
    const settings = parse(readFileSync(DYNAMIC_CONFIG_FILE, 'utf8')) as Record<
      string,
      Array<{ value: unknown }>
    >;
    const forced = settings['system.forceSearchAttributesCacheRefreshOnRead'] ?? [];
    expect(forced.filter((entry) => entry.value !== false)).toEqual([]);
  });

  it('create and migrate the databases with the same script, given every variable it reads', () => {
    const schema = service('temporal-schema');
    const mounted = mountOf('temporal-schema', SCHEMA_SCRIPT);
    expect(mounted).toBeDefined();
    expect(schema.entrypoint).toEqual(['/bin/sh', mounted]);
    const required = variablesRequired(SCHEMA_SCRIPT);
    expect(required).toEqual(['DB_PORT', 'POSTGRES_SEEDS', 'POSTGRES_USER']);
    for (const name of [...required, 'SQL_PASSWORD'])
      expect(environment('temporal-schema')[name], name).toBeTruthy();
  });

  it('register the namespace and exactly the search attributes of workflows/shared.ts with the same script', () => {
    const mounted = mountOf('temporal-namespace', NAMESPACE_SCRIPT);
    expect(mounted).toBeDefined();
    expect(service('temporal-namespace').entrypoint).toEqual(['/bin/sh', mounted]);
    expect(environment('temporal-namespace').TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(environment('temporal-namespace').TEMPORAL_NAMESPACE).toBe(
      environment('worker').TEMPORAL_NAMESPACE ?? 'default',
    );

    const script = readFileSync(NAMESPACE_SCRIPT, 'utf8');
    const listed = script.slice(script.indexOf("<<'ATTRIBUTES'\n") + 15, script.lastIndexOf('\nATTRIBUTES'));
    const registered = listed
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .map(([name, type]) => ({ name, type }));
    const cliType: Record<string, string> = {
      [SearchAttributeType.KEYWORD]: 'Keyword',
      [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
      [SearchAttributeType.TEXT]: 'Text',
    };
    const byName = (a: { name?: string }, b: { name?: string }) =>
      String(a.name).localeCompare(String(b.name));
    expect(registered.sort(byName)).toEqual(
      SEARCH_ATTRIBUTES.map((key) => ({ name: key.name, type: cliType[key.type] })).sort(byName),
    );
  });

  it('point the Web UI at the server', () => {
    expect(environment('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
  });
});
