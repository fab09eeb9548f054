import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/ids.js';

describe('newId', () => {
  it('is the prefix and a lower-case ULID, unique, time-ordered, with every random character used', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('q'));
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^q_[0-9a-hjkmnp-tv-z]{26}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 10 characters encode the time: never decreasing.
    const times = ids.map((id) => id.slice(2, 12));
    expect(times).toEqual([...times].sort());
    // The random part draws from all 32 Crockford symbols, about equally.
    const counts = new Map<string, number>();
    for (const id of ids) for (const ch of id.slice(12)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (ids.length * 16) / 32;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });
});
