import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ephemeralPortRangeStart, findFreePort } from '../../../src/runtime/free-port.js';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listen(port: number, host: string): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
    servers.push(server);
  });
}

describe('findFreePort', () => {
  it('chooses below the range the kernel hands out to outgoing connections, a port a server can then listen on', async () => {
    const start = ephemeralPortRangeStart();
    // Linux's default start is 32768; whatever this machine says, the ports chosen lie below it.
    expect(start).toBeGreaterThan(15_000);
    for (let i = 0; i < 20; i++) {
      const port = await findFreePort();
      expect(port).toBeGreaterThanOrEqual(15_000);
      expect(port).toBeLessThan(start);
      await expect(listen(port, '0.0.0.0')).resolves.toBeDefined();
    }
  });

  it('passes over a port something listens on, on loopback only too, and says so when none is left', async () => {
    const from = await findFreePort();
    const range = { from, below: from + 3 };
    // Whichever of the three were taken by others meanwhile, hold the ones still free but one.
    const held = new Map<number, net.Server>();
    for (let port = from; port < from + 3; port++) {
      const server = await listen(port, '127.0.0.1').catch(() => null);
      if (server) held.set(port, server);
    }
    expect(held.size).toBeGreaterThan(0);
    const [left, itsServer] = [...held].at(-1)!;
    await new Promise((resolve) => itsServer.close(resolve));

    for (let i = 0; i < 5; i++) expect(await findFreePort(range)).toBe(left);
    await listen(left, '127.0.0.1');
    await expect(findFreePort(range)).rejects.toThrow(`No free port from ${from} to ${from + 2} (3 tried)`);
  });
});
