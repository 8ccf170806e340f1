import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** Whether something already listens on host:port. */
export function isPortInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The lowest port chosen: above the well-known services a developer's machine runs (Postgres, Temporal, 8080…). */
const LOWEST_CHOSEN_PORT = 15_000;

/** Ports tried before giving up: on a machine with a few hundred listeners below the range, the first one does. */
const ATTEMPTS = 50;

/** Ports from `from` up to, not including, `below`. */
export interface PortRange {
  from: number;
  below: number;
}

/**
 * A port free right now, for a server that binds it later (a dev server started after its dependencies,
 * a test's fake). It is chosen at random below the kernel's ephemeral range: a port from that range (what
 * listening on port 0 hands out) is also what every outgoing connection on the machine takes as its local
 * port, so one chosen there and bound a minute later can meanwhile be taken by a connection to Postgres or
 * Temporal (`listen EADDRINUSE`). Below the range only a listener takes a port. At random, not counted up
 * from a start (as get-port does with a range): processes choosing at once would each find the same first
 * free port.
 */
export async function findFreePort(range: PortRange = { from: LOWEST_CHOSEN_PORT, below: ephemeralPortRangeStart() }): Promise<number> {
  // Up to ATTEMPTS ports of the range, each once, in a random order.
  const tries = shuffled(range.from, range.below).slice(0, ATTEMPTS);
  for (const port of tries) {
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port from ${range.from} to ${range.below - 1} (${tries.length} tried)`);
}

/**
 * Where the ports the kernel hands out on its own begin: Linux says in /proc; elsewhere, or when it cannot
 * be read, Linux's default (macOS and Windows start higher still, at 49152).
 */
export function ephemeralPortRangeStart(): number {
  const LINUX_DEFAULT = 32_768;
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > LOWEST_CHOSEN_PORT ? start : LINUX_DEFAULT;
  } catch {
    return LINUX_DEFAULT;
  }
}

/** The ports of the range in a random order (Fisher–Yates). */
function shuffled(from: number, below: number): number[] {
  const ports = Array.from({ length: below - from }, (_, i) => from + i);
  for (let i = ports.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [ports[i], ports[j]] = [ports[j]!, ports[i]!];
  }
  return ports;
}

/** Whether a server can listen on the port on every address (as the servers it is chosen for do). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}
