// Imports intent data into Postgres.
//   npm run intent:import -- file.jsonl [--format jsonl|csv] [--kind company|contact|signal] [--database-url URL]
// The format defaults from the file extension; DATABASE_URL is used unless --database-url is given.
// Prints {inserted, updated, unchanged, errorCount} and the first row errors; exits 1 if any row failed.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrate } from '../db/migrate.js';
import { createPool } from '../db/pool.js';
import { importIntentData } from '../intent/import.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    kind: { type: 'string' },
    'database-url': { type: 'string' },
    'batch-size': { type: 'string', default: '1000' },
    'no-migrate': { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run intent:import -- <file.jsonl|file.csv> [--format jsonl|csv] [--kind company|contact|signal]',
  );
  process.exit(2);
}
const url = values['database-url'] ?? process.env.DATABASE_URL;
if (!url) {
  console.error('set DATABASE_URL or pass --database-url');
  process.exit(2);
}
const format = (values.format ?? (file.endsWith('.csv') ? 'csv' : 'jsonl')) as 'jsonl' | 'csv';
if (!values['no-migrate']) await migrate(url);
const pool = createPool(url, 2);
const t0 = performance.now();
try {
  const result = await importIntentData(pool, createReadStream(file), {
    format,
    batchSize: Number(values['batch-size']),
    ...(values.kind ? { kind: values.kind as 'company' | 'contact' | 'signal' } : {}),
  });
  const { errors, ...counts } = result;
  console.log(JSON.stringify({ ...counts, seconds: Math.round((performance.now() - t0) / 100) / 10 }));
  for (const e of errors.slice(0, 20)) console.log(`line ${e.line}: ${e.field}: ${e.message}`);
  if (result.errorCount > 20) console.log(`... ${result.errorCount - 20} more errors`);
  if (result.errorCount > 0) process.exitCode = 1;
} finally {
  await pool.end();
}
