import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPool } from '../../db/pool.js';
import { importIntentData } from '../../intent/import.js';
import { loadIntentCorpus } from '../../intent/load.js';
import { validateIntentRequest } from '../../intent/request.js';

const pool = createPool(inject('databaseUrl'), 2);
afterAll(() => pool.end());
// Test files share one database: every key here carries a run prefix.
const run = `t${randomBytes(4).toString('hex')}`;

function jsonl(rows: unknown[]): string {
  return `${rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
}

describe('intent import', () => {
  const rows = [
    { kind: 'meta', as_of: '2026-11-01' },
    {
      kind: 'company',
      company_id: `${run}-a`,
      name: 'Acme',
      domain: `https://www.${run}-acme.example/`,
      industry: 'SaaS',
      employee_count: 120,
      country: 'US',
      city: 'Austin',
      region: 'TX',
      technologies: ['Zendesk', 'Slack'],
    },
    {
      kind: 'company',
      company_id: `${run}-b`,
      name: 'Bad Size',
      domain: `${run}-b.example`,
      industry: 'software',
      employee_count: -3,
      country: 'US',
    },
    {
      kind: 'company',
      company_id: `${run}-c`,
      name: 'No Industry',
      domain: `${run}-c.example`,
      industry: 'basket weaving',
      employee_count: 3,
      country: 'Narnia',
    },
    'this is not json',
    {
      kind: 'contact',
      company_id: `${run}-a`,
      name: 'Jane Doe',
      title: 'Support Operations Manager',
      email: `jane@${run}-acme.example`,
      synthetic: true,
    },
    { kind: 'contact', company_id: `${run}-zzz`, name: 'Ghost', title: 'CTO' },
    {
      kind: 'signal',
      company_id: `${run}-a`,
      type: 'job_post',
      occurred_on: '2026-10-20',
      title: 'Support Operations Manager',
      text: 'Evaluating a new help desk.',
    },
    {
      kind: 'signal',
      company_id: `${run}-a`,
      type: 'technology_change',
      occurred_on: '2026-10-01',
      text: 'Zendesk gone',
    },
    { kind: 'signal', company_id: `${run}-a`, type: 'podcast', occurred_on: 'yesterday', text: 'x' },
  ];

  it('imports good rows, reports bad ones by line and field, and is idempotent', async () => {
    const first = await importIntentData(pool, jsonl(rows), { format: 'jsonl', batchSize: 2 });
    expect(first.inserted).toBe(3); // company a, its contact, one signal
    expect(first.updated).toBe(0);
    const fields = first.errors.map((e) => `${e.line}:${e.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        '3:employee_count',
        '4:industry',
        '4:country',
        '5:(row)',
        '7:company_id',
        '9:tech',
        '9:tech_change',
        '10:type',
        '10:occurred_on',
      ]),
    );
    expect(first.errorCount).toBe(first.errors.length);

    const again = await importIntentData(pool, jsonl(rows), { format: 'jsonl' });
    expect(again.inserted).toBe(0);
    expect(again.updated).toBe(0);
    expect(again.unchanged).toBe(3);

    const changed = structuredClone(rows) as Record<string, unknown>[];
    changed[1]!.employee_count = 130;
    const third = await importIntentData(pool, jsonl(changed), { format: 'jsonl' });
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });

    const { rows: db } = await pool.query(
      'SELECT domain, industry, technologies, employee_count FROM intent_companies WHERE company_id = $1',
      [`${run}-a`],
    );
    expect(db[0]).toEqual({
      domain: `${run}-acme.example`,
      industry: 'software',
      technologies: ['Zendesk', 'Slack'],
      employee_count: 130,
    });
  });

  it('imports CSV with quoted fields and a kind given by the caller', async () => {
    const csv = [
      'company_id,name,domain,industry,employee_count,city,region,country,technologies',
      `${run}-csv1,"Widgets, ""Inc""",${run}-w.example,manufacturing,400,Chicago,IL,US,SAP ECC;Slack`,
      `${run}-csv2,"Multi
line name",${run}-m.example,retail,not-a-number,,,US,`,
      `${run}-csv3,Short,${run}-s.example,retail,12,,,GB,`,
    ].join('\r\n');
    const res = await importIntentData(pool, csv, { format: 'csv', kind: 'company' });
    expect(res.inserted).toBe(2);
    expect(res.errors).toEqual([{ line: 3, field: 'employee_count', message: expect.any(String) }]);
    const { rows: db } = await pool.query(
      'SELECT name, technologies FROM intent_companies WHERE company_id = $1',
      [`${run}-csv1`],
    );
    expect(db[0]).toEqual({ name: 'Widgets, "Inc"', technologies: ['SAP ECC', 'Slack'] });
  });

  it('reports malformed CSV (text after a closing quote) at its line instead of mending it', async () => {
    const csv = [
      'company_id,name,domain,industry,employee_count,city,region,country,technologies',
      `${run}-bad1,"Widgets" Inc,${run}-bad.example,manufacturing,400,Chicago,IL,US,`,
    ].join('\n');
    const res = await importIntentData(pool, csv, { format: 'csv', kind: 'company' });
    expect(res.errors).toEqual([
      { line: 2, field: '(row)', message: expect.stringMatching(/^malformed CSV/) },
    ]);
    const { rows } = await pool.query('SELECT name FROM intent_companies WHERE company_id = $1', [
      `${run}-bad1`,
    ]);
    expect(rows).toEqual([]); // not imported as "Widgets"
  });

  it('loads what was imported into a corpus for the engine', async () => {
    const corpus = await loadIntentCorpus(pool);
    expect(corpus.asOf).toBe('2026-11-01');
    const a = corpus.companies.find((c) => c.company_id === `${run}-a`)!;
    expect(a).toMatchObject({ name: 'Acme', employee_count: 130, technologies: ['Zendesk', 'Slack'] });
    const s = corpus.signals.find((x) => x.company_id === `${run}-a`)!;
    expect(s.occurred_on).toBe('2026-10-20');
    expect(
      corpus.contacts.some((c) => c.company_id === `${run}-a` && c.title === 'Support Operations Manager'),
    ).toBe(true);
  });

  it('validates the POST /query body with the documented error', () => {
    expect(validateIntentRequest({ query: 'Find companies looking for CRM software' })).toMatchObject({
      ok: true,
      value: { limit: 25 },
    });
    expect(validateIntentRequest({ query: 'CRM' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_QUERY',
        message: 'Query must be at least 10 characters long',
        details: { field: 'query', min_length: 10, provided_length: 3 },
      },
    });
    expect(validateIntentRequest({ query: 'Find companies looking for CRM', limit: 5000 }).ok).toBe(false);
    expect(
      validateIntentRequest({ query: 'Find companies looking for CRM', filters: { colour: 'red' } }).ok,
    ).toBe(false);
  });
});
