import { appendFileSync, cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, GENERATED, generate } from '../../scripts/sdk-generate.js';

// `npm run sdk:check` in the suite: the SDKs' generated code (client/generated/schema.ts,
// sdk/python/leadrail/_api, and the document they come from, sdk/openapi.json) must be exactly what the
// pinned generators make from the API's current OpenAPI document, so spec, server and SDKs cannot drift.
// A change to a route without `npm run sdk:generate` fails here.
describe('the generated SDK code', () => {
  const root = process.cwd();
  let fresh: string;
  let tampered: string;

  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'leadrail-sdk-fresh-'));
    tampered = mkdtempSync(join(tmpdir(), 'leadrail-sdk-tampered-'));
  });
  afterAll(() => {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(tampered, { recursive: true, force: true });
  });

  it('is what the generators make from the current spec (run npm run sdk:generate if not)', async () => {
    await generate(fresh);
    expect(differences(fresh, root), 'stale generated SDK code: run npm run sdk:generate').toEqual([]);
  }, 180_000);

  it('is found stale when a generated file was edited, removed or added by hand', () => {
    for (const path of GENERATED) cpSync(join(root, path), join(tampered, path), { recursive: true });
    expect(differences(fresh, tampered)).toEqual([]);
    appendFileSync(join(tampered, 'client/generated/schema.ts'), '// edited by hand\n');
    unlinkSync(join(tampered, 'sdk/python/leadrail/_api/api/leads/get_leads.py'));
    writeFileSync(join(tampered, 'sdk/python/leadrail/_api/api/leads/extra.py'), '');
    expect(differences(fresh, tampered)).toEqual([
      'client/generated/schema.ts',
      'sdk/python/leadrail/_api/api/leads/extra.py',
      'sdk/python/leadrail/_api/api/leads/get_leads.py',
    ]);
  });
});
