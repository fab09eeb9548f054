import { createServer } from 'node:net';

/** A TCP port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:port right now. */
export function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port whose successor is free too (a worker serves the SDK's metrics on WORKER_METRICS_PORT + 1). */
export async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await freePort();
    if (await canListen(port + 1)) return port;
  }
  throw new Error('found no two free ports in a row');
}

/**
 * `count` distinct free ports below 32768. The Temporal server stores its membership ports in a
 * smallint column (an ephemeral port from freePort() overflows it), and the OS never hands out ports
 * in this range on its own, so a random pick is unlikely to be taken between now and the bind.
 */
export async function freeLowPorts(count: number, from = 20_000, to = 32_000): Promise<number[]> {
  return freeLowPortBlocks(
    Array.from({ length: count }, () => 1),
    from,
    to,
  );
}

/**
 * Free blocks of consecutive ports below 32768, one per size asked (a worker's block of 2: its metrics
 * port and the SDK's), none overlapping. For components that are killed and started again on the same
 * port: a port of the ephemeral range, free while its process is down, can meanwhile become the local
 * port of any outgoing connection on the machine, and the restart then fails with EADDRINUSE.
 */
export async function freeLowPortBlocks(sizes: number[], from = 20_000, to = 32_000): Promise<number[]> {
  const taken = new Set<number>();
  const starts: number[] = [];
  for (const size of sizes) {
    let start: number | null = null;
    for (let attempt = 0; start === null && attempt < 100; attempt++) {
      const port = from + Math.floor(Math.random() * (to - from - size));
      const block = Array.from({ length: size }, (_, i) => port + i);
      if (block.some((p) => taken.has(p))) continue;
      if ((await Promise.all(block.map(canListen))).every(Boolean)) start = port;
    }
    if (start === null) throw new Error(`could not find ${size} free ports in a row in ${from}-${to}`);
    for (let i = 0; i < size; i++) taken.add(start + i);
    starts.push(start);
  }
  return starts;
}
