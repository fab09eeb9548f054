import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the buyer saw for one (recipient, Idempotency-Key): one delivery, however often it was retried. */
export interface KeyRecord {
  recipient: string;
  key: string;
  email: string;
  requests: number;
  /** Epoch ms of every request with this key. */
  at: number[];
}

/**
 * A lead buyer as a careful CRM is: a real local HTTP server that books a lead once per Idempotency-Key
 * and answers a repeated key with the first answer (a retry after a lost answer is not a second lead).
 * Each recipient is a path (`/a`, `/b`). It can answer slowly, go down (connections refused) and come
 * back on the same port.
 */
export async function startIdempotentBuyer(options: { delayMs?: number } = {}) {
  let delayMs = options.delayMs ?? 0;
  let inFlight = 0;
  const records = new Map<string, KeyRecord>();
  const sockets = new Set<import('node:net').Socket>();
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recipient = (req.url ?? '/').split('?')[0]!;
      const key = String(req.headers['idempotency-key'] ?? '');
      let email = '';
      try {
        email = String(
          (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { email?: unknown }).email ?? '',
        );
      } catch {
        // not JSON: recorded without an email
      }
      const id = `${recipient} ${key}`;
      const record = records.get(id) ?? { recipient, key, email, requests: 0, at: [] };
      record.requests++;
      record.at.push(Date.now());
      records.set(id, record);
      inFlight++;
      const answer = () => {
        inFlight--;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ outcome: 'success', price: 1, reference: key }));
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  };
  let server: Server = createServer(handler);
  const track = (s: Server) =>
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let up = true;

  return {
    url: (recipient: string) => `http://127.0.0.1:${port}/${recipient}`,
    records: () => [...records.values()],
    /** Requests received and not answered yet (the buyer is slow). */
    inFlight: () => inFlight,
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** Refuses connections from now on (open ones are cut) until up(). */
    async down() {
      if (!up) return;
      up = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    async up() {
      if (up) return;
      server = createServer(handler);
      track(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (up) server.close(() => resolve());
        else resolve();
      }),
  };
}

export type IdempotentBuyer = Awaited<ReturnType<typeof startIdempotentBuyer>>;
