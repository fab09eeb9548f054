// The benchmark's stand-in for a lead buyer (the same accepting buyer as `npm start`'s demo one),
// optionally answering after a delay. It runs as its own process so its CPU is not counted as the load
// generator's. Prints `{"port":N}` on stdout once listening.
//   node --import tsx scripts/bench/recipient.ts [port] [delayMs]
import { createAcceptingBuyer } from '../../dev/demo-buyer.js';

const port = Number(process.argv[2] ?? 0);
const server = createAcceptingBuyer({ referencePrefix: 'bench', delayMs: Number(process.argv[3] ?? 0) });
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
