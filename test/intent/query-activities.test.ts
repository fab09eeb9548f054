import { describe, expect, it } from 'vitest';
import { IntentEngine } from '../../intent/engine.js';
import { engineRanker, type Ranker } from '../../intent/service/ranker.js';
import { createIntentActivities, IntentResultStore } from '../../intent/temporal/activities.js';
import { seededCorpus } from './helpers.js';

// The intent runs' local activities, called directly on a real engine: a coalesced run ranks each of
// its queries as a run of its own would, keeps each full result for the API, and one query's failure
// leaves the others answered.

describe('intent query activities', () => {
  const engine = IntentEngine.fromCorpus(seededCorpus(600, 5).corpus, { cacheEntries: 0 });

  it('ranks a coalesced batch exactly as one run per query would, keeping each result by its id', async () => {
    const prompts = ['Companies evaluating CRM software', 'Teams looking for payroll software in Texas'];
    const single = createIntentActivities({
      ranker: () => engineRanker(engine, 3),
      results: new IntentResultStore(),
    });
    const alone = await Promise.all(
      prompts.map((query, i) => single.rankIntentQuery({ queryId: `q_alone${i}`, query, limit: 25 })),
    );

    const results = new IntentResultStore();
    const batched = createIntentActivities({ ranker: () => engineRanker(engine, 3), results });
    const outcomes = await batched.rankIntentQueries(
      prompts.map((query, i) => ({ queryId: `q_batch${i}`, query, limit: 25 })),
    );
    expect(outcomes.map((o) => o.query_id)).toEqual(['q_batch0', 'q_batch1']);
    for (const [i, outcome] of outcomes.entries()) {
      if ('error' in outcome) throw new Error(outcome.error);
      expect(outcome.lead_ids.length).toBeGreaterThan(0);
      expect(outcome.lead_ids).toEqual(alone[i]!.lead_ids);
      expect(outcome.engine_generation).toBe(3);
      const kept = results.take(`q_batch${i}`)?.result;
      expect(kept?.leadIds).toEqual(outcome.lead_ids);
      expect(JSON.parse(kept!.leadsJson).map((l: { lead_id: string }) => l.lead_id)).toEqual(
        outcome.lead_ids,
      );
    }
  });

  it("answers the other queries of a batch when one query's ranking throws", async () => {
    // The ranker as the activity sees it, failing on one prompt only.
    const ranker = engineRanker(engine, 1);
    const failing: Ranker = {
      rank: (request) =>
        request.query === 'boom' ? Promise.reject(new Error('ranking failed')) : ranker.rank(request),
    };
    const results = new IntentResultStore();
    const activities = createIntentActivities({
      ranker: () => failing,
      results,
    });
    const outcomes = await activities.rankIntentQueries([
      { queryId: 'q_a', query: 'Companies evaluating CRM software', limit: 25 },
      { queryId: 'q_b', query: 'boom', limit: 25 },
      { queryId: 'q_c', query: 'Companies evaluating CRM software', limit: 100 },
    ]);
    expect(outcomes[1]).toEqual({ query_id: 'q_b', error: 'ranking failed' });
    expect('error' in outcomes[0]!).toBe(false);
    expect('error' in outcomes[2]!).toBe(false);
    expect(results.take('q_b')).toBeUndefined();
    expect(results.take('q_c')).toBeDefined();
  });

  it('fails the whole run, as not loaded, while there is no index', async () => {
    const activities = createIntentActivities({ ranker: () => null, results: new IntentResultStore() });
    await expect(
      activities.rankIntentQueries([{ queryId: 'q_x', query: 'CRM', limit: 25 }]),
    ).rejects.toMatchObject({
      type: 'IntentIndexNotLoaded',
      nonRetryable: true,
    });
  });
});
