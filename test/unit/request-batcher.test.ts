import { describe, expect, it } from 'vitest';
import { KeyedBatcher, RequestBatcher } from '../../lib/request-batcher.js';

// Group commit: a call made while nothing is under way starts at once and alone; calls made while a
// batch is under way go together in the next one; each caller gets its own item's outcome.

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('RequestBatcher', () => {
  it('runs a lone call at once, and batches the calls that arrive while it is under way', async () => {
    const batches: number[][] = [];
    const first = gate();
    const batcher = new RequestBatcher<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await first.opened;
      return items.map((i) => `answer ${i}`);
    });
    const a = batcher.submit(1);
    expect(batches).toEqual([[1]]); // started synchronously, nothing waited
    const rest = [2, 3, 4].map((i) => batcher.submit(i));
    expect(batches).toEqual([[1]]);
    first.open();
    expect(await a).toBe('answer 1');
    expect(await Promise.all(rest)).toEqual(['answer 2', 'answer 3', 'answer 4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within maxBatch and runs up to maxInFlight of them at once', async () => {
    const batches: number[][] = [];
    let running = 0;
    let mostRunning = 0;
    const batcher = new RequestBatcher<number, number>(
      async (items) => {
        batches.push(items);
        mostRunning = Math.max(mostRunning, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return items.map((i) => i * 10);
      },
      { maxBatch: 3, maxInFlight: 2 },
    );
    const answers = await Promise.all(Array.from({ length: 11 }, (_, i) => batcher.submit(i)));
    expect(answers).toEqual(Array.from({ length: 11 }, (_, i) => i * 10));
    expect(batches.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 11 }, (_, i) => i));
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(3);
    expect(mostRunning).toBe(2);
  });

  it('never mixes groups in a batch, taking the oldest call and the calls of its group behind it', async () => {
    const batches: string[][] = [];
    const first = gate();
    const batcher = new RequestBatcher<string, string>(
      async (items) => {
        batches.push(items);
        if (batches.length === 1) await first.opened;
        return items;
      },
      { groupOf: (item) => item.split(':')[0]! },
    );
    const all = ['a:1', 'b:1', 'a:2', 'b:2', 'a:3', 'c:1'].map((i) => batcher.submit(i));
    expect(batcher.queued).toBe(5);
    first.open();
    expect(await Promise.all(all)).toEqual(['a:1', 'b:1', 'a:2', 'b:2', 'a:3', 'c:1']);
    expect(batches).toEqual([['a:1'], ['b:1', 'b:2'], ['a:2', 'a:3'], ['c:1']]);
    expect(batcher.queued).toBe(0);
  });

  it('fails only the calls of a failed batch, and a batch that answers the wrong number of outcomes', async () => {
    let calls = 0;
    const hold = gate();
    const batcher = new RequestBatcher<string, string>(async (items) => {
      calls++;
      if (calls === 1) {
        await hold.opened;
        throw new Error('database down');
      }
      if (items.includes('short')) return [];
      return items.map((i) => i.toUpperCase());
    });
    const failed = batcher.submit('a');
    const next = batcher.submit('b');
    hold.open();
    await expect(failed).rejects.toThrow('database down');
    expect(await next).toBe('B');
    await expect(batcher.submit('short')).rejects.toThrow('batch answered 0 outcomes for 1 items');
  });
});

describe('KeyedBatcher', () => {
  it("batches each key's calls on their own: one batch under way per key, keys never wait for each other", async () => {
    const runs: string[] = [];
    const gates = new Map([
      ['a', gate()],
      ['b', gate()],
    ]);
    const batcher = new KeyedBatcher<string>(async (key, count) => {
      runs.push(`${key}×${count}`);
      if (runs.filter((r) => r.startsWith(key)).length === 1) await gates.get(key)!.opened;
      return Array.from({ length: count }, (_, i) => `${key}${i}`);
    });
    const a1 = batcher.submit('a');
    const b1 = batcher.submit('b'); // another key: starts at once, not behind a's batch
    expect(runs).toEqual(['a×1', 'b×1']);
    const aRest = [batcher.submit('a'), batcher.submit('a'), batcher.submit('a')];
    expect(batcher.keys).toBe(2);
    gates.get('a')!.open();
    expect(await a1).toBe('a0');
    expect(await Promise.all(aRest)).toEqual(['a0', 'a1', 'a2']); // one batch of three, in order
    expect(runs).toEqual(['a×1', 'b×1', 'a×3']);
    gates.get('b')!.open();
    expect(await b1).toBe('b0');
    expect(batcher.keys).toBe(0); // idle keys are forgotten
  });

  it("fails only the calls of a batch that failed, and the key's next batch runs", async () => {
    let calls = 0;
    const batcher = new KeyedBatcher<number>(async (_key, count) => {
      calls++;
      if (calls === 1) throw new Error('statement failed');
      return Array.from({ length: count }, (_, i) => i);
    });
    await expect(batcher.submit('k')).rejects.toThrow('statement failed');
    expect(await batcher.submit('k')).toBe(0);
    expect(batcher.keys).toBe(0);
  });
});
