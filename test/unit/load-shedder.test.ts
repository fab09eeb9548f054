import { describe, expect, it } from 'vitest';
import { IntentUnavailable } from '../../intent/service/errors.js';
import { LoadShedder } from '../../intent/service/load-shedder.js';

// The intent API's admission limit: refuses at once past it, shrinks when the recent answers' p95 is
// slower than the target (more than 1 in 20), grows while answers are fast and the limit is in use,
// within its floor and ceiling.

function clocked(options: ConstructorParameters<typeof LoadShedder>[0] = {}) {
  let t = 0;
  const shedder = new LoadShedder({ ...options, now: () => t });
  return { shedder, advance: (ms: number) => (t += ms) };
}

/** Admits `n` queries that all answer after `latencyMs`, together. */
function answerTogether(s: ReturnType<typeof clocked>, n: number, latencyMs: number) {
  const leaves = Array.from({ length: n }, () => s.shedder.enter());
  s.advance(latencyMs);
  for (const leave of leaves) leave(true);
}

describe('LoadShedder', () => {
  it('refuses at once past the limit, as a retryable 503, and counts a query out once', () => {
    const { shedder } = clocked({ initialLimit: 2, minInFlight: 1 });
    const a = shedder.enter();
    shedder.enter();
    expect(() => shedder.enter()).toThrow(IntentUnavailable);
    a();
    a(); // a second leave changes nothing
    expect(shedder.current).toBe(1);
    shedder.enter();
    expect(() => shedder.enter()).toThrow(/at capacity/);
  });

  it('shrinks by a fifth on slow answers, once per target period, down to its floor', () => {
    const s = clocked({ initialLimit: 50, targetLatencyMs: 300, minInFlight: 8 });
    answerTogether(s, 10, 900); // ten slow answers in one period: one decrease
    expect(s.shedder.limit).toBe(40);
    s.advance(300);
    answerTogether(s, 10, 900);
    expect(s.shedder.limit).toBe(32);
    for (let i = 0; i < 30; i++) {
      s.advance(300);
      answerTogether(s, 4, 900);
    }
    expect(s.shedder.limit).toBe(8);
  });

  it('keeps the limit for one slow answer in 20 (the p95 is within the target), shrinks on the second', () => {
    const s = clocked({ initialLimit: 30, targetLatencyMs: 300 });
    answerTogether(s, 30, 100); // in use and fast: grows a little
    const before = s.shedder.limit;
    answerTogether(s, 1, 900);
    for (let i = 0; i < 9; i++) answerTogether(s, 1, 100);
    expect(s.shedder.limit).toBe(before);
    answerTogether(s, 1, 900); // the second slow one of the last 20
    expect(s.shedder.limit).toBe(Math.floor(before * 0.8));
    // The answers before the decrease do not count toward the next: one more slow answer is alone again.
    const after = s.shedder.limit;
    s.advance(300);
    answerTogether(s, 1, 900);
    expect(s.shedder.limit).toBe(after);
    // A slow answer that has left the last 20 no longer counts.
    for (let i = 0; i < 19; i++) answerTogether(s, 1, 100);
    answerTogether(s, 1, 900);
    expect(s.shedder.limit).toBe(after);
  });

  it('grows while answers are fast and the limit is in use, up to its ceiling', () => {
    const s = clocked({ initialLimit: 10, targetLatencyMs: 300, maxInFlight: 12 });
    answerTogether(s, 10, 50); // fast answers while at least half the limit is in use: +1/limit each
    expect(s.shedder.limit).toBe(10);
    for (let i = 0; i < 3; i++) answerTogether(s, 10, 50);
    expect(s.shedder.limit).toBe(11);
    for (let i = 0; i < 20; i++) answerTogether(s, s.shedder.limit, 50);
    expect(s.shedder.limit).toBe(12);
  });

  it('does not grow while mostly idle, nor on answers that were not ranked', () => {
    const s = clocked({ initialLimit: 20, targetLatencyMs: 300 });
    for (let i = 0; i < 200; i++) answerTogether(s, 2, 10); // 2 of 20 in use
    expect(s.shedder.limit).toBe(20);
    const leaves = Array.from({ length: 15 }, () => s.shedder.enter());
    for (const leave of leaves) leave(false); // refused by limits, invalid: no latency signal
    expect(s.shedder.limit).toBe(20);
  });

  it('keeps a fixed limit of maxInFlight with no latency target', () => {
    const s = clocked({ maxInFlight: 3, targetLatencyMs: 0 });
    answerTogether(s, 3, 5000);
    expect(s.shedder.limit).toBe(3);
  });
});
