import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './service-process.js';

/**
 * A loopback port in front of a real server (PostgreSQL, Redis) that a test opens and closes: while
 * closed nothing listens there, as when the server is not up yet or has gone away; once open every
 * connection is piped through to the server. The server itself stays shared and untouched.
 */
export interface TcpGate {
  /** `127.0.0.1:<port>`: give it to a service in place of the server's address. */
  readonly address: string;
  readonly port: number;
  open(): Promise<void>;
  /** Stops listening and cuts every connection made through the gate. */
  close(): Promise<void>;
}

export async function tcpGate(target: { host: string; port: number }): Promise<TcpGate> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  return {
    address: `127.0.0.1:${port}`,
    port,
    open: () =>
      new Promise<void>((resolve, reject) => {
        if (server) return resolve();
        server = createServer((client) => {
          const upstream = createConnection(target);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.once('close', () => sockets.delete(socket));
            // Every error, not just the first: a socket may report more than one as it is torn down,
            // and an 'error' event nobody listens to would take the test process down with it.
            socket.on('error', () => {
              client.destroy();
              upstream.destroy();
            });
          }
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}
