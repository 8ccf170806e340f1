import { fork } from 'node:child_process';
import type { CleanupStack } from './cleanup-stack.js';

/** What a rate measurement needs of a recorded request. */
export interface ArrivedRequest {
  path: string;
  receivedAt: number;
}

export interface FakeTmdbProcess {
  baseUrl: string;
  /** The requests the fake recorded, from index `from` on. */
  requests(from?: number): Promise<ArrivedRequest[]>;
}

/**
 * Starts the TMDB fake in a process of its own, as TMDB is a service of its own. The fake stamps each arrival
 * when its event loop gets to it; in the benchmark's process, busy with the client and the results of
 * hundreds of workflows, stalls of ~100 ms bunched arrivals that were spaced on the wire, and a rate
 * measured there counted the benchmark's own stalls as the pacer's.
 */
export async function startFakeTmdbProcess(cleanup: CleanupStack): Promise<FakeTmdbProcess> {
  const child = fork(new URL('./fake-tmdb-process.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanup.push('TMDB fake process', () => {
    if (child.connected) child.disconnect();
  });
  const pending = new Map<number, (requests: ArrivedRequest[]) => void>();
  let nextId = 0;
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the TMDB fake process exited early (${code})`)));
    child.on('message', (message: { baseUrl?: string; id?: number; requests?: ArrivedRequest[] }) => {
      if (message.baseUrl) resolve(message.baseUrl);
      else if (message.id !== undefined) pending.get(message.id)?.(message.requests ?? []);
    });
  });
  return {
    baseUrl,
    requests: (from = 0) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, (requests) => {
          pending.delete(id);
          resolve(requests);
        });
        child.send({ id, from });
      }),
  };
}
