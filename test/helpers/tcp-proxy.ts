import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server, to stage network outages in tests: `cut()` drops every
 * connection and refuses new ones (as a dead host would), `restore()` listens again on the same port.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  // While paused, bytes from clients are held back (counted), as on a network that stopped answering.
  let paused = false;
  let heldBytes = 0;
  const held: Array<() => void> = [];

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.on('data', (chunk: Buffer) => {
          const forward = () => upstream.write(chunk);
          if (!paused) return forward();
          heldBytes += chunk.length;
          held.push(forward);
        });
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    get address() {
      return `127.0.0.1:${port}`;
    },
    /** Bytes clients sent since pause() that were not passed on. */
    get heldBytes() {
      return heldBytes;
    },
    pause() {
      paused = true;
      heldBytes = 0;
    },
    resume() {
      paused = false;
      for (const forward of held.splice(0)) forward();
    },
    async cut() {
      held.length = 0;
      paused = false;
      const s = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async restore() {
      if (!server) await listen();
    },
    async close() {
      await this.cut();
    },
  };
}
