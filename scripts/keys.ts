// Operators' API key tool, against the database in DATABASE_URL:
//
//   npm run keys -- create  --account acct_... --name NAME [--mode live|test] [--scopes a,b] \
//                           [--ip-allowlist 10.0.0.0/8,203.0.113.7] [--per-hour N] [--per-minute N]
//   npm run keys -- list    --account acct_...
//   npm run keys -- rotate  --account acct_... --id key_... [--grace-seconds N]
//   npm run keys -- revoke  --account acct_... --id key_...
//   npm run keys -- update  --account acct_... --id key_... [--name N] [--scopes a,b] \
//                           [--ip-allowlist CIDR,...|none] [--per-hour N|default] [--per-minute N|default]
//   npm run keys -- intent-limits --account acct_... --id key_... [--burst N] [--usd-per-day X] ... \
//                           [--reset]      (a value `default` clears one override; no values: show them)
//   npm run keys -- create-account --name NAME          (prints the new account id)
//   npm run keys -- payload-key [--id ID]               (a new PAYLOAD_ENCRYPTION_KEYS entry; no database)
//
// Add --json for machine-readable output. The full key is printed once, by create and rotate.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ApiKeyInputSchema,
  ApiKeyUpdateSchema,
  apiKeyView,
  MAX_GRACE_PERIOD_SECONDS,
  toApiKeyChanges,
  toNewApiKey,
} from '../api/routes/api-keys.js';
import { ALL_SCOPES, findAccount, insertAccount } from '../db/accounts.js';
import {
  createApiKey,
  findApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  updateApiKey,
} from '../db/api-keys.js';
import { createPool, type Pool } from '../db/pool.js';
import {
  DEFAULT_INTENT_LIMITS,
  getIntentKeyLimits,
  INTENT_LIMIT_NAMES,
  type IntentLimits,
  setIntentKeyLimits,
} from '../intent/query-log.js';
import { generatePayloadKey } from '../temporal/payload-codec.js';

export class CliError extends Error {}

const INTENT_LIMIT_OPTIONS = Object.fromEntries(
  INTENT_LIMIT_NAMES.map((name) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), name]),
) as Record<string, keyof IntentLimits>;

// What the database accepts for each override (db/migrations/..._intent_queries.sql).
const INTENT_LIMIT_RULES: Record<
  keyof IntentLimits,
  { integer?: boolean; positive?: boolean; ratio?: boolean; says: string }
> = {
  ratePerMinute: { positive: true, says: 'a positive number' },
  burst: { integer: true, positive: true, says: 'a positive whole number' },
  perDay: { integer: true, positive: true, says: 'a positive whole number' },
  usdPerLead: { says: 'an amount in USD' },
  usdPerQuery: { says: 'an amount in USD' },
  usdPerDay: { says: 'an amount in USD' },
  minReputation: { ratio: true, says: 'a score from 0 to 1' },
  throttledPerMinute: { integer: true, says: 'a whole number' },
  alertLatencyMs: { says: 'a number of milliseconds' },
  alertEmptyRatio: { ratio: true, says: 'a ratio from 0 to 1' },
};

const USAGE = `usage: npm run keys -- <create|list|update|rotate|revoke|intent-limits|create-account> [options]
  create          --account ID --name NAME [--mode live|test] [--scopes ${ALL_SCOPES.join(',')}]
                  [--ip-allowlist CIDR,...] [--per-hour N] [--per-minute N]
  list            --account ID
  update          --account ID --id KEY_ID [--name NAME] [--scopes a,b] [--ip-allowlist CIDR,...|none]
                  [--per-hour N|default] [--per-minute N|default]
  intent-limits   --account ID --id KEY_ID [--reset] [--${Object.keys(INTENT_LIMIT_OPTIONS).join(' N] [--')} N]
                  (a value "default" clears that override; without values it shows the key's limits)
  rotate          --account ID --id KEY_ID [--grace-seconds N]
  revoke          --account ID --id KEY_ID
  create-account  --name NAME
  payload-key     [--id KEY_ID]   a new PAYLOAD_ENCRYPTION_KEYS entry <id>:<base64 32 bytes> (no database)
options: --json  print JSON`;

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`--${name} must be a whole number`);
  return Number(value);
}

function required(name: string, value: string | undefined): string {
  if (!value) throw new CliError(`--${name} is required\n${USAGE}`);
  return value;
}

/**
 * `payload-key`: a fresh AES-256 key for the Temporal payload codec, as a PAYLOAD_ENCRYPTION_KEYS entry.
 * The default id is the date (k20260101); put the new entry first to encrypt with it (README: rotating).
 */
export function payloadKeyCli(argv: string[]): string {
  const { values } = parseArgs({ args: argv, options: { id: { type: 'string' } } });
  const id = values.id ?? `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
  try {
    return generatePayloadKey(id);
  } catch (err) {
    throw new CliError(`${(err as Error).message}: use letters, digits, '.', '_' or '-' (at most 64)`);
  }
}

/** Runs one command; returns what to print. Throws CliError for a usage or input mistake. */
export async function runKeysCli(argv: string[], pool: Pool): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      account: { type: 'string' },
      name: { type: 'string' },
      mode: { type: 'string' },
      scopes: { type: 'string' },
      'ip-allowlist': { type: 'string' },
      'per-hour': { type: 'string' },
      'per-minute': { type: 'string' },
      id: { type: 'string' },
      'grace-seconds': { type: 'string' },
      reset: { type: 'boolean', default: false },
      ...Object.fromEntries(Object.keys(INTENT_LIMIT_OPTIONS).map((o) => [o, { type: 'string' as const }])),
      json: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  const print = (human: string, data: unknown) => (values.json ? JSON.stringify(data, null, 2) : human);

  if (command === 'create-account') {
    const account = await insertAccount(pool, required('name', values.name));
    return print(`Created account ${account.id} (${account.name})`, { id: account.id, name: account.name });
  }

  const accountId = required('account', values.account);
  if (!['create', 'list', 'update', 'rotate', 'revoke', 'intent-limits'].includes(command ?? ''))
    throw new CliError(USAGE);
  if (!(await findAccount(pool, accountId))) throw new CliError(`No account ${accountId}`);

  switch (command) {
    case 'create': {
      const parsed = ApiKeyInputSchema.safeParse({
        name: required('name', values.name),
        mode: values.mode ?? 'live',
        scopes: list(values.scopes) ?? [...ALL_SCOPES],
        ip_allowlist: list(values['ip-allowlist']),
        rate_limit: {
          per_hour: integer('per-hour', values['per-hour']),
          per_minute: integer('per-minute', values['per-minute']),
        },
      });
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      }
      const { row, key } = await createApiKey(pool, accountId, toNewApiKey(parsed.data));
      const view = apiKeyView(row);
      return print(
        `Created ${view.mode} key ${view.id} "${view.name}" with scopes ${view.scopes.join(', ')}\n` +
          `API key (shown once, store it now): ${key}`,
        { ...view, key },
      );
    }
    case 'list': {
      const keys = (await listApiKeys(pool, accountId)).map(apiKeyView);
      const lines = keys.map(
        (k) =>
          `${k.id}  ${k.prefix}…  ${k.mode.padEnd(4)}  ${k.status.padEnd(7)}  ${k.name}  [${k.scopes.join(',')}]` +
          `${k.ip_allowlist.length ? `  ip:${k.ip_allowlist.join(',')}` : ''}`,
      );
      return print(lines.length ? lines.join('\n') : 'No API keys', keys);
    }
    case 'update': {
      const id = required('id', values.id);
      const limit = (name: string, value: string | undefined) =>
        value === 'default' ? null : integer(name, value);
      const allowlist = values['ip-allowlist'];
      const rateLimit = {
        ...(values['per-hour'] !== undefined ? { per_hour: limit('per-hour', values['per-hour']) } : {}),
        ...(values['per-minute'] !== undefined
          ? { per_minute: limit('per-minute', values['per-minute']) }
          : {}),
      };
      const parsed = ApiKeyUpdateSchema.safeParse({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.scopes !== undefined ? { scopes: list(values.scopes) } : {}),
        ...(allowlist !== undefined ? { ip_allowlist: allowlist === 'none' ? null : list(allowlist) } : {}),
        ...(Object.keys(rateLimit).length > 0 ? { rate_limit: rateLimit } : {}),
      });
      if (!parsed.success) {
        throw new CliError(
          parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('\n'),
        );
      }
      const result = await updateApiKey(pool, accountId, id, toApiKeyChanges(parsed.data));
      if (result === 'not_found') throw new CliError(`No key ${id} in account ${accountId}`);
      if (result === 'revoked') throw new CliError(`Key ${id} is revoked and cannot be changed`);
      const view = apiKeyView(result);
      return print(
        `Updated ${view.id} "${view.name}": scopes ${view.scopes.join(', ')}; ` +
          `ip ${view.ip_allowlist.length ? view.ip_allowlist.join(',') : 'any'}; ` +
          `${view.rate_limit.per_hour}/h, ${view.rate_limit.per_minute}/min`,
        view,
      );
    }
    case 'intent-limits': {
      const id = required('id', values.id);
      if (!(await findApiKey(pool, accountId, id)))
        throw new CliError(`No key ${id} in account ${accountId}`);
      const changes: Partial<Record<keyof IntentLimits, number | null>> = {};
      if (values.reset) for (const name of INTENT_LIMIT_NAMES) changes[name] = null;
      const given = values as Record<string, unknown>;
      for (const [option, name] of Object.entries(INTENT_LIMIT_OPTIONS)) {
        const value = given[option];
        if (typeof value !== 'string') continue;
        if (value === 'default') {
          changes[name] = null;
          continue;
        }
        const rule = INTENT_LIMIT_RULES[name];
        const number = Number(value);
        const ok =
          /^\d+(\.\d+)?$/.test(value) &&
          (!rule.integer || Number.isInteger(number)) &&
          (rule.positive ? number > 0 : number >= 0) &&
          (!rule.ratio || number <= 1);
        if (!ok) throw new CliError(`--${option} must be ${rule.says}, or "default"`);
        changes[name] = number;
      }
      await setIntentKeyLimits(pool, id, changes);
      const overrides = await getIntentKeyLimits(pool, id);
      const effective = { ...DEFAULT_INTENT_LIMITS, ...overrides };
      const lines = INTENT_LIMIT_NAMES.map(
        (name) =>
          `${Object.keys(INTENT_LIMIT_OPTIONS)
            .find((o) => INTENT_LIMIT_OPTIONS[o] === name)!
            .padEnd(22)}${String(effective[name]).padEnd(
            10,
          )}${name in overrides ? '(set for this key)' : '(default)'}`,
      );
      return print(`Intent limits of ${id}:\n${lines.join('\n')}`, {
        key_id: id,
        limits: effective,
        overrides,
      });
    }
    case 'rotate': {
      const grace = integer('grace-seconds', values['grace-seconds']) ?? 0;
      if (grace > MAX_GRACE_PERIOD_SECONDS)
        throw new CliError(`--grace-seconds is at most ${MAX_GRACE_PERIOD_SECONDS}`);
      const id = required('id', values.id);
      const result = await rotateApiKey(pool, accountId, id, grace);
      if (result === 'not_found') throw new CliError(`No key ${id} in account ${accountId}`);
      if (result === 'revoked') throw new CliError(`Key ${id} is revoked and cannot be rotated`);
      const view = apiKeyView(result.row);
      return print(
        `Rotated ${view.id}; the old secret ${grace > 0 ? `works until ${view.previous_key_expires_at}` : 'is revoked'}\n` +
          `API key (shown once, store it now): ${result.key}`,
        { ...view, key: result.key },
      );
    }
    default: {
      const id = required('id', values.id);
      const row = await revokeApiKey(pool, accountId, id);
      if (!row) throw new CliError(`No key ${id} in account ${accountId}`);
      return print(`Revoked ${row.id}`, apiKeyView(row));
    }
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'payload-key') {
    try {
      process.stdout.write(`${payloadKeyCli(process.argv.slice(3))}\n`);
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    }
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL is not set\n');
    process.exit(2);
  }
  const pool = createPool(databaseUrl, 2);
  try {
    process.stdout.write(`${await runKeysCli(process.argv.slice(2), pool)}\n`);
  } catch (err) {
    const usage =
      err instanceof CliError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = usage ? 2 : 1;
  } finally {
    await pool.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
