import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../intent/corpus-index.js';
import { IntentEngine } from '../../intent/engine.js';
import { applyFeedback, categoriesNamed } from '../../intent/feedback.js';
import { parsePrompt } from '../../intent/parser.js';
import { Scratch } from '../../intent/rank.js';
import type { IntentCorpus, SignalRecord } from '../../intent/types.js';
import { AS_OF, company, signal } from './helpers.js';

// Pseudo-relevance feedback on a small hand-written corpus. The wordings "decarbonisation ledger"
// and "kiosk fleet management" are unknown to the taxonomy; the corpus writes them next to products
// the taxonomy knows (Persefoni and Watershed are energy management, Jamf and Kandji device
// management, Samsara and Geotab vehicle fleet management).

function filler(n: number): { companies: ReturnType<typeof company>[]; signals: SignalRecord[] } {
  const companies = Array.from({ length: n }, (_, i) => company(`filler${i}`));
  const signals = companies.flatMap((c, i) => [
    signal(c.company_id, 'job_post', (i * 7) % 300, {
      title: i % 2 ? 'Software Engineer' : 'Accountant',
      text: 'Join our growing team. Competitive salary and a friendly office.',
    }),
    signal(c.company_id, 'news', (i * 5) % 300, { title: 'Opens a new office downtown', text: '' }),
    // Boilerplate naming a category everywhere: it must not decide anything.
    signal(c.company_id, 'website_text', (i * 3) % 300, {
      text: 'Suppliers can contact our procurement office about open tenders.',
    }),
  ]);
  return { companies, signals };
}

function corpus(opts: { kioskFleet: boolean }): IntentCorpus {
  const base = filler(80);
  const ledger = ['led1', 'led2', 'led3', 'led4', 'led5'];
  const vehicles = ['veh1', 'veh2', 'veh3', 'veh4'];
  const kiosks = ['kio1', 'kio2', 'kio3', 'kio4'];
  const signals: SignalRecord[] = [
    ...base.signals,
    ...ledger.map((id, i) =>
      signal(id, 'job_post', 10 + i, {
        title: 'Climate Program Manager',
        text: `We are rolling out a decarbonisation ledger and retiring ${i % 2 ? 'Watershed' : 'Persefoni'}. Contact our procurement office.`,
      }),
    ),
    // A buyer that writes only the wording, naming no product.
    signal('quiet', 'website_text', 8, {
      text: 'Update: budget approved for a decarbonisation ledger; we are evaluating vendors now.',
    }),
    ...vehicles.map((id, i) =>
      signal(id, 'job_post', 12 + i, {
        title: 'Fleet Manager',
        text: `Evaluating fleet management for our delivery trucks to replace ${i % 2 ? 'Samsara' : 'Geotab'}.`,
      }),
    ),
    // "telematics dashboards" is written by vehicle fleet buyers.
    ...vehicles.map((id, i) =>
      signal(id, 'website_text', 20 + i, {
        text: `We want telematics dashboards for every depot; today we only have ${i % 2 ? 'Samsara' : 'Geotab'}.`,
      }),
    ),
    // A wording written as much with device management as with energy management products.
    ...['amb1', 'amb2', 'amb3', 'amb4'].map((id, i) =>
      signal(id, 'website_text', 15 + i, {
        text: `Our gadget registry runs on ${['Jamf', 'Persefoni', 'Kandji', 'Watershed'][i]} today.`,
      }),
    ),
    signal('crmbuyer', 'job_post', 6, {
      title: 'Sales Operations Manager',
      text: 'We are evaluating a new CRM to replace spreadsheets.',
    }),
  ];
  if (opts.kioskFleet)
    signals.push(
      ...kiosks.map((id, i) =>
        signal(id, 'website_text', 9 + i, {
          text: `Our kiosk fleet management is overdue: we are moving every kiosk to ${i % 2 ? 'Jamf' : 'Kandji'}.`,
        }),
      ),
    );
  return {
    asOf: AS_OF,
    companies: [
      ...base.companies,
      ...[...ledger, 'quiet', ...vehicles, ...kiosks, 'amb1', 'amb2', 'amb3', 'amb4', 'crmbuyer'].map((id) =>
        company(id),
      ),
    ],
    contacts: [],
    signals,
  };
}

describe('product words the taxonomy does not explain (parser)', () => {
  it('finds the run of product words and what in it is unexplained', () => {
    const q = parsePrompt('Show me organizations that need a decarbonisation ledger');
    expect(q.productRuns).toEqual([
      {
        tokens: ['decarbonisation', 'ledger'],
        words: ['decarbonisation', 'ledger'],
        phrases: ['', ''],
        unexplained: ['decarbonisation', 'ledger'],
        telling: true,
        categories: [],
      },
    ]);
  });

  it('keeps a category phrase inside the run, with the word beside it that it leaves out', () => {
    const q = parsePrompt('who is searching for kiosk fleet management?');
    expect(q.categories.map((c) => c.id)).toEqual(['fleet_management']);
    expect(q.productRuns).toEqual([
      {
        tokens: ['kiosk', 'fleet', 'management'],
        words: ['kiosk', 'fleet', 'management'],
        phrases: ['', 'fleet_management', 'fleet_management'],
        unexplained: ['kiosk'],
        telling: true,
        categories: ['fleet_management'],
      },
    ]);
  });

  it('has no run when the category phrase explains the product words', () => {
    expect(parsePrompt('companies looking for a CRM').productRuns).toEqual([]);
    expect(parsePrompt('Which businesses are evaluating a CRM platform this quarter?').productRuns).toEqual(
      [],
    );
    expect(parsePrompt('SaaS companies replacing Zendesk').productRuns).toEqual([]);
  });

  it('keeps phrases of two categories in one name as a run to ask about', () => {
    const q = parsePrompt('who is buying telematics dashboards');
    expect(q.categories.map((c) => c.id).sort()).toEqual(['bi_analytics', 'fleet_management']);
    expect(q.productRuns).toEqual([
      {
        tokens: ['telematic', 'dashboard'],
        words: ['telematic', 'dashboard'],
        phrases: ['fleet_management', 'bi_analytics'],
        unexplained: [],
        telling: false,
        categories: ['fleet_management', 'bi_analytics'],
      },
    ]);
    // Two categories asked for side by side are not one name.
    expect(parsePrompt('companies buying a CRM and a help desk').productRuns).toEqual([]);
  });

  it('leaves a category phrase joined by "and" out of the run of unknown words', () => {
    const q = parsePrompt('companies buying a CRM and a decarbonisation ledger');
    expect(q.productRuns?.map((r) => r.tokens)).toEqual([['decarbonisation', 'ledger']]);
  });

  it('reads "hardware" before a product word as part of the product, not an industry', () => {
    const q = parsePrompt('Accounts likely to buy register hardware and software');
    expect(q.industries).toEqual([]);
    expect(q.productRuns?.map((r) => r.tokens)).toEqual([['register', 'hardware', 'software']]);
    expect(parsePrompt('hardware companies that need a CRM').industries).toEqual(['hardware']);
  });
});

describe('categoriesNamed', () => {
  it('names the categories of products and category phrases in a text', () => {
    expect([...categoriesNamed('We are retiring Persefoni and moving to Jamf.', new Set())].sort()).toEqual([
      'energy_management',
      'mdm',
    ]);
  });

  it('does not count a phrase made only of the prompt words', () => {
    const prompt = new Set(['kiosk', 'fleet', 'management']);
    expect([...categoriesNamed('Our kiosk fleet management moves to Jamf.', prompt)]).toEqual(['mdm']);
  });
});

describe('pseudo-relevance feedback', () => {
  const index = buildIndex(corpus({ kioskFleet: true }));
  const scratch = new Scratch(index);

  it('adds the category the matching signals name when the prompt names none the taxonomy knows', () => {
    const parsed = parsePrompt('Show me organizations that need a decarbonisation ledger');
    // Without feedback the word "ledger" guesses accounting ("general ledger").
    expect(parsed.categories.map((c) => c.id)).toEqual(['accounting']);
    const { query, outcome } = applyFeedback(index, parsed, scratch);
    expect(outcome.decision).toBe('replaced');
    expect(outcome.categories[0]?.id).toBe('energy_management');
    expect(query.categories).toEqual([{ id: 'energy_management', weight: 1, matched: '(feedback)' }]);
    // The prompt's own pair is searched, so a buyer writing only the wording has evidence.
    expect(query.terms).toContainEqual({ term: 'decarbonisation_ledger', weight: 1 });
    // Scratch is left zeroed for the ranking that follows.
    expect(scratch.acc.every((x) => x === 0)).toBe(true);
  });

  it('prefers the feedback over a phrase that explains only part of the product words', () => {
    const { query, outcome } = applyFeedback(
      index,
      parsePrompt('who is searching for kiosk fleet management?'),
      scratch,
    );
    expect(outcome.decision).toBe('replaced');
    expect(query.categories.map((c) => c.id)).toEqual(['mdm']);
  });

  it('keeps the phrase when the corpus never writes the extra word next to it', () => {
    const plain = buildIndex(corpus({ kioskFleet: false }));
    const parsed = parsePrompt('who is searching for kiosk fleet management?');
    const { query, outcome } = applyFeedback(plain, parsed, new Scratch(plain));
    expect(outcome.decision).toBe('none');
    expect(query).toBe(parsed);
  });

  it('narrows phrases of two categories in one name to the one the corpus means', () => {
    const { query, outcome } = applyFeedback(
      index,
      parsePrompt('who is buying telematics dashboards'),
      scratch,
    );
    expect(outcome.decision).toBe('narrowed');
    expect(query.categories).toEqual([{ id: 'fleet_management', weight: 1, matched: 'telematics' }]);
  });

  it('keeps a category named by a phrase elsewhere in the prompt', () => {
    const { query } = applyFeedback(
      index,
      parsePrompt('companies buying a CRM and a decarbonisation ledger'),
      scratch,
    );
    expect(query.categories.map((c) => c.id)).toEqual(['energy_management', 'crm']);
  });

  it('changes nothing when the words are written with no category or with several alike', () => {
    // "salary" is only in filler text naming nothing.
    const nothing = parsePrompt('companies that need competitive salary tooling');
    const r1 = applyFeedback(index, nothing, scratch);
    expect(r1.outcome.decision).toBe('undecided');
    expect(r1.query).toBe(nothing);
    const split = parsePrompt('companies that need a gadget registry');
    const r2 = applyFeedback(index, split, scratch);
    expect(r2.outcome.decision).toBe('undecided');
    expect(r2.outcome.categories.map((c) => c.id).sort()).toEqual(['energy_management', 'mdm']);
    expect(r2.query).toBe(split);
  });

  it('leaves a prompt whose product words are all explained alone', () => {
    const parsed = parsePrompt('companies looking for a CRM');
    const { query, outcome } = applyFeedback(index, parsed, scratch);
    expect(outcome.decision).toBe('none');
    expect(query).toBe(parsed);
  });

  it('ranks the buyers of the learned category, including one that names no product', () => {
    const engine = IntentEngine.fromCorpus(corpus({ kioskFleet: true }), { cacheEntries: 0 });
    const res = engine.querySync({
      query: 'Show me organizations that need a decarbonisation ledger',
      limit: 10,
    });
    expect(res.stats.feedback?.decision).toBe('replaced');
    const ids = res.leads.map((l) => l.lead_id);
    expect(ids.slice(0, 6).sort()).toEqual(
      ['led1', 'led2', 'led3', 'led4', 'led5', 'quiet'].map((id) => `lead_${id}`).sort(),
    );
    // Deterministic.
    const again = engine.querySync({
      query: 'Show me organizations that need a decarbonisation ledger',
      limit: 10,
    });
    expect(again.leads.map((l) => l.lead_id)).toEqual(ids);
    // A prompt the lexicon explains runs no feedback.
    expect(engine.querySync({ query: 'companies looking for a CRM' }).stats.feedback).toBeUndefined();
  });

  it('can be turned off', () => {
    const engine = IntentEngine.fromCorpus(corpus({ kioskFleet: true }), {
      cacheEntries: 0,
      feedback: false,
    });
    const res = engine.querySync({ query: 'Show me organizations that need a decarbonisation ledger' });
    expect(res.stats.feedback).toBeUndefined();
    expect(res.stats.parsed.categories.map((c) => c.id)).toEqual(['accounting']);
  });

  it('reads the corpus once per prompt when results are cached', () => {
    const engine = IntentEngine.fromCorpus(corpus({ kioskFleet: true }), { cacheEntries: 10 });
    const first = engine.querySync({ query: 'who is searching for kiosk fleet management?', limit: 5 });
    const second = engine.querySync({ query: 'who is searching for kiosk fleet management?', limit: 50 });
    expect(first.stats.feedback?.decision).toBe('replaced');
    expect(second.stats.feedback).toBe(first.stats.feedback);
    expect(second.stats.cacheHit).toBe(true);
    expect(second.leads.slice(0, 5)).toEqual(first.leads);
  });
});
