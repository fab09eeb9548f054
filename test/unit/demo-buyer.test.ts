import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAcceptingBuyer } from '../../dev/demo-buyer.js';

// The demo buyer of `npm start` and the benchmarks: its ping side bids from the pinged fields alone,
// the same bid for the same fields; its post side takes a repeated Idempotency-Key as the same lead.
describe('the demo buyer', () => {
  const server = createAcceptingBuyer({ referencePrefix: 'demo' });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };

  it('bids 5 + the postal code’s first digit + 3 for TX/CA/FL/NY + 2 for a loan of 20,000 or more', async () => {
    const texas = { state: 'TX', postal_code: '73301', loan_amount: 25000 };
    expect(await post('/ping', texas)).toMatchObject({
      bid: 17,
      bid_id: expect.stringMatching(/^demo-bid-/),
    });
    expect((await post('/ping', texas)).bid).toBe(17);
    expect((await post('/ping', { state: 'OH', postal_code: '43004' })).bid).toBe(9);
    expect(await post('/ping', { state: 'TX' })).toMatchObject({ bid: 0, reason: 'no postal code' });
  });

  it('accepts posts, once per Idempotency-Key', async () => {
    const first = await post('/post', { email: 'a@example.com' }, { 'Idempotency-Key': 'k1' });
    const again = await post('/post', { email: 'a@example.com' }, { 'Idempotency-Key': 'k1' });
    expect(first).toMatchObject({ outcome: 'success', price: 12.5 });
    expect(again).toEqual(first);
    const counts = (await (await fetch(base)).json()) as { received: number; pinged: number };
    expect(counts).toEqual({ received: 1, pinged: 4 });
  });
});
