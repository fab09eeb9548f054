// Writes the OpenAPI document the API serves at /openapi.json, built from the app factory (no database,
// no Temporal: building the routes touches neither). `npm run sdk:generate` runs it before generating
// the SDKs from the file. Usage: node --import tsx scripts/write-openapi.ts [out.json]
import { writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { createApp } from '../api/app.js';
import type { Pool } from '../db/pool.js';
import { createLogger } from '../lib/logger.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({
    pool: {} as Pool,
    temporal: {} as Client,
    taskQueue: 'unused',
    logger: createLogger({ level: 'silent' }),
  });
  const res = await app.request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'sdk/openapi.json';
  writeFileSync(out, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
  process.stderr.write(`wrote ${out}\n`);
}
