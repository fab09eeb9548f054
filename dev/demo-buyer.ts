import { createServer, type Server } from 'node:http';

/**
 * A stand-in for a lead buyer's CRM, so the README walk-through has a real endpoint to deliver to.
 * It accepts every lead and bids a fixed price; it keeps only a count, never the lead itself.
 */
export function startDemoBuyer(port: number): Promise<{ url: string; server: Server }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' && req.method !== 'PUT') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ received }));
        return;
      }
      received++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ outcome: 'success', price: 12.5, reference: `demo-${received}` }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}/leads`, server }));
  });
}
