import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that can go down (its port closed, open connections cut) and come back on the
 * same port, as a media player does when it is switched off and on again.
 */
export interface RestartableServer {
  port: number;
  readonly up: boolean;
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

export async function startRestartableServer(handler: RequestListener): Promise<RestartableServer> {
  let server: Server | undefined = createServer(handler);
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;

  const stop = async () => {
    if (!server) return;
    const closing = server;
    server = undefined;
    closing.closeAllConnections();
    await new Promise<void>((resolve, reject) => closing.close((error) => (error ? reject(error) : resolve())));
  };

  return {
    port,
    get up() {
      return server !== undefined;
    },
    goDown: stop,
    async comeBack() {
      if (server) return;
      const next = createServer(handler);
      await listen(next, port);
      server = next;
    },
    close: stop,
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export function readRequestBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
