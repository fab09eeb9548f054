import { createServer, type Server, type ServerResponse } from 'node:http';

/**
 * A stand-in for a lead buyer's CRM: accepts every lead with a fixed price, optionally after a delay (a
 * real buyer answers in tens to hundreds of milliseconds). It keeps only a count, never the lead itself;
 * a GET answers that count. Used by the README walk-through (`npm start`) and the lead benchmark.
 */
export function createAcceptingBuyer(options: { referencePrefix: string; delayMs?: number }): Server {
  const delayMs = options.delayMs ?? 0;
  let received = 0;
  const answer = (res: ServerResponse, body: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' && req.method !== 'PUT') return answer(res, { received });
      received++;
      const body = { outcome: 'success', price: 12.5, reference: `${options.referencePrefix}-${received}` };
      if (delayMs > 0) setTimeout(() => answer(res, body), delayMs);
      else answer(res, body);
    });
  });
}

export function startDemoBuyer(port: number): Promise<{ url: string; server: Server }> {
  const server = createAcceptingBuyer({ referencePrefix: 'demo' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/leads`, server }));
  });
}
