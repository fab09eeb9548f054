// Operator CLI over the HTTP API: replay failed deliveries one at a time or in bulk.
//   npm run ops -- replay <lead_id> [--recipient rcp_...] [--force] [--url https://...]
//   npm run ops -- bulk-replay --flow flow_... [--recipient rcp_...] [--after ISO] [--before ISO]
//                                [--reason text] [--rate 5] [--force] [--dry-run]
//   npm run ops -- replay-status <rpl_...>
//   npm run ops -- replay-cancel <rpl_...>
//   npm run ops -- webhook-secret                       (the key's account's signing secret; admin key)
//   npm run ops -- webhook-secret-rotate [--overlap 86400]  (the old secret signs too for --overlap seconds)
// Reads LEADRAIL_API_URL (default http://localhost:3000) and LEADRAIL_API_KEY (default: the key
// `npm start` wrote to .data/dev-api-key).
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    recipient: { type: 'string' },
    force: { type: 'boolean', default: false },
    url: { type: 'string' },
    flow: { type: 'string' },
    after: { type: 'string' },
    before: { type: 'string' },
    reason: { type: 'string' },
    rate: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    overlap: { type: 'string' },
  },
});

const baseUrl = process.env.LEADRAIL_API_URL ?? 'http://localhost:3000';
const apiKey =
  process.env.LEADRAIL_API_KEY ??
  (existsSync('.data/dev-api-key') ? readFileSync('.data/dev-api-key', 'utf8').trim() : undefined);

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  if (!apiKey) throw new Error('Set LEADRAIL_API_KEY (or run `npm start` once to create .data/dev-api-key)');
  const res = await fetch(new URL(path, baseUrl), {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (json as { error?: { code: string; message: string } } | null)?.error;
    throw new Error(`${res.status} ${error?.code ?? ''}: ${error?.message ?? res.statusText}`);
  }
  return json;
}

const [command, target] = positionals;
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

async function main() {
  switch (command) {
    case 'replay':
      if (!target) throw new Error('usage: replay <lead_id>');
      return print(
        await call('POST', `/leads/${target}/replay`, {
          recipient_id: values.recipient,
          force: values.force,
          url: values.url,
        }),
      );
    case 'bulk-replay':
      if (!values.flow) throw new Error('usage: bulk-replay --flow <flow_id> [...]');
      return print(
        await call('POST', '/replays', {
          flow_id: values.flow,
          recipient_id: values.recipient,
          created_after: values.after,
          created_before: values.before,
          reason_contains: values.reason,
          rate_per_second: values.rate ? Number(values.rate) : undefined,
          force: values.force,
          dry_run: values['dry-run'],
        }),
      );
    case 'replay-status':
      return print(await call('GET', `/replays/${target}`));
    case 'replay-cancel':
      return print(await call('DELETE', `/replays/${target}`));
    case 'webhook-secret':
      return print(await call('GET', '/webhooks/secret'));
    case 'webhook-secret-rotate':
      return print(
        await call(
          'POST',
          '/webhooks/secret/rotate',
          values.overlap === undefined ? {} : { overlap_seconds: Number(values.overlap) },
        ),
      );
    default:
      throw new Error(
        'commands: replay, bulk-replay, replay-status, replay-cancel, webhook-secret, webhook-secret-rotate ' +
          '(see the top of scripts/ops.ts)',
      );
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
