import { describe, expect, it } from 'vitest';
import { ensureSearchAttributes } from '../../temporal/search-attributes.js';
import { SEARCH_ATTRIBUTES } from '../../workflows/shared.js';

/** An operator service that knows `known` attributes and records what it is asked to add, and when. */
function operatorService(known: string[]) {
  const added: Array<{ names: string[]; at: number }> = [];
  const service = {
    async listSearchAttributes() {
      return { customAttributes: Object.fromEntries(known.map((name) => [name, 1])) };
    },
    async addSearchAttributes(request: { searchAttributes: Record<string, number> }) {
      added.push({ names: Object.keys(request.searchAttributes), at: Date.now() });
      return {};
    },
  };
  // Only the two methods ensureSearchAttributes calls.
  return { connection: { operatorService: service as never }, added };
}

describe('ensureSearchAttributes', () => {
  it('adds only the missing attributes, then waits for the services to learn them', async () => {
    const [first, ...rest] = SEARCH_ATTRIBUTES.map((key) => key.name);
    const { connection, added } = operatorService([first!]);
    const startedAt = Date.now();
    const names = await ensureSearchAttributes(connection, 'default', 300);
    expect(names).toEqual(rest);
    expect(added.map((call) => call.names)).toEqual([rest]);
    // The answer comes no sooner than the settle time after the registration.
    expect(Date.now() - added[0]!.at).toBeGreaterThanOrEqual(290);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
  });

  it('neither adds nor waits when every attribute exists', async () => {
    const { connection, added } = operatorService(SEARCH_ATTRIBUTES.map((key) => key.name));
    const startedAt = Date.now();
    expect(await ensureSearchAttributes(connection, 'default', 60_000)).toEqual([]);
    expect(added).toEqual([]);
    // Far below the 60 s it would wait.
    expect(Date.now() - startedAt).toBeLessThan(30_000);
  });
});
