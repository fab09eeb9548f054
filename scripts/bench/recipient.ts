// The benchmark's stand-in for a lead buyer: accepts every lead with a fixed price, optionally after a
// delay (a real buyer's CRM answers in tens to hundreds of milliseconds). It runs as its own process so
// its CPU is not counted as the load generator's. Prints `{"port":N}` on stdout once listening.
//   node --import tsx scripts/bench/recipient.ts [port] [delayMs]
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
const delayMs = Number(process.argv[3] ?? 0);
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
    const body = JSON.stringify({ outcome: 'success', price: 12.5, reference: `bench-${received}` });
    const answer = () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
