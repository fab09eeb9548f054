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
  const picked = new Set<number>();
  for (let attempt = 0; picked.size < count && attempt < count * 50; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (!picked.has(port) && (await canListen(port))) picked.add(port);
  }
  if (picked.size < count) throw new Error(`could not find ${count} free ports in ${from}-${to}`);
  return [...picked];
}
