import { createServer, type Server, type ServerResponse } from 'node:http';

/**
 * A stand-in for a lead buyer's CRM. Posts (any path but /ping) are accepted with a fixed price,
 * optionally after a delay (a real buyer answers in tens to hundreds of milliseconds). It keeps only
 * counts, never the lead itself; a GET answers them. `POST /ping` is its ping/post side: it bids on the
 * pinged fields (see `demoBid`), after `pingDelayMs`. Posts repeating an Idempotency-Key the buyer
 * has seen are answered as the first was and not counted again, as a buyer should.
 * Used by the README walk-through (`npm start`) and the lead and auction benchmarks.
 */
export function createAcceptingBuyer(options: {
  referencePrefix: string;
  delayMs?: number;
  pingDelayMs?: number;
  /** Added to every bid (so several demo buyers bid differently on one lead). */
  premium?: number;
}): Server {
  const delayMs = options.delayMs ?? 0;
  let received = 0;
  let pinged = 0;
  const seen = new Map<string, unknown>();
  const answer = (res: ServerResponse, body: unknown, after = 0) => {
    const send = () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (after > 0) setTimeout(send, after);
    else send();
  };
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' && req.method !== 'PUT') return answer(res, { received, pinged });
      if (req.url?.startsWith('/ping')) {
        pinged++;
        let fields: Record<string, unknown> = {};
        try {
          fields = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          // not JSON: no fields, no bid
        }
        const bid = demoBid(fields, options.premium ?? 0);
        const body =
          bid > 0
            ? { bid, bid_id: `${options.referencePrefix}-bid-${pinged}` }
            : { bid: 0, reason: 'no postal code' };
        return answer(res, body, options.pingDelayMs ?? 0);
      }
      const key = req.headers['idempotency-key'];
      const repeated = typeof key === 'string' ? seen.get(key) : undefined;
      if (repeated) return answer(res, repeated, delayMs);
      received++;
      const body = { outcome: 'success', price: 12.5, reference: `${options.referencePrefix}-${received}` };
      if (typeof key === 'string') {
        seen.set(key, body);
        // Remember the latest keys only: a retry comes within seconds.
        if (seen.size > 10_000) seen.delete(seen.keys().next().value!);
      }
      answer(res, body, delayMs);
    });
  });
}

/**
 * The demo buyer's bid, from the pinged fields only: 5, plus the first digit of the postal code, plus
 * 3 for a lead in TX, CA, FL or NY, plus 2 for a loan_amount of 20,000 or more, plus `premium`. No
 * postal code, no bid. E.g. {state: TX, postal_code: 73301, loan_amount: 25000} bids 17.
 */
export function demoBid(fields: Record<string, unknown>, premium = 0): number {
  const postal = String(fields.postal_code ?? fields.zip ?? '');
  if (!/^\d/.test(postal)) return 0;
  const state = String(fields.state ?? '').toUpperCase();
  const amount = Number(fields.loan_amount ?? 0);
  return (
    5 +
    Number(postal[0]) +
    (['TX', 'CA', 'FL', 'NY'].includes(state) ? 3 : 0) +
    (amount >= 20_000 ? 2 : 0) +
    premium
  );
}

export function startDemoBuyer(port: number): Promise<{ url: string; pingUrl: string; server: Server }> {
  const server = createAcceptingBuyer({ referencePrefix: 'demo' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${port}/leads`, pingUrl: `http://127.0.0.1:${port}/ping`, server }),
    );
  });
}
