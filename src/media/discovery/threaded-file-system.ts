import { Worker } from 'node:worker_threads';
import { failureAsError } from './file-system-errors.js';
import { libuvFileSystem, type DirectoryEntry, type DiscoveryFileSystem, type EntryStat, type FileSystemFailure } from './file-system.js';

type CallName = 'readdir' | 'stat' | 'realpath';
type Answer = { ok: unknown } | { error: FileSystemFailure };
interface AnsweredBatch {
  results: Answer[];
  stats: number;
  statMs: number;
}

interface PendingCall {
  call: CallName;
  path: string;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

/**
 * Calls made through libuv's pool before the thread is started. A thread takes 50–150 ms to start on a busy
 * two-core machine, and saves some 10 µs a call: a walk of a few hundred titles is over before it would pay.
 */
const CALLS_BEFORE_THREAD = 2_000;

/**
 * Mean time of a stat above which the storage is slow (a network mount, a cold disk): calls then wait on
 * the device, not on the hand-off, and libuv's pool makes several at once where the thread makes one. A
 * stat of a file in the page cache takes a few µs; over NFS or SMB, a round trip to the server.
 */
const SLOW_STAT_MS = 0.2;

/** Stats timed before the mean is judged, so that the thread's first (unoptimised) calls do not decide. */
const STATS_BEFORE_JUDGING = 32;

/** The most calls in one message: enough to spread the message's cost, few enough to keep both threads busy. */
const MAX_BATCH = 256;

/**
 * Batches sent before the first is answered: while the main thread reads one batch's answers (and makes the
 * walk's next calls), the thread is already making the next batch's.
 */
const BATCHES_IN_FLIGHT = 2;

type Route = 'libuv' | 'thread' | 'libuv, storage slow' | 'libuv, thread failed';

export interface ThreadedFileSystemOptions {
  callsBeforeThread?: number;
  slowStatMs?: number;
  /** The thread's script; file-system-thread.mjs unless told (a test gives one that fails). */
  threadScript?: URL;
}

const THREAD_SCRIPT = new URL('./file-system-thread.mjs', import.meta.url);

export interface ThreadedFileSystem extends DiscoveryFileSystem {
  /**
   * Ends the thread; calls still waiting on it reject. Not awaited: a call hung on a dead network mount would
   * hold the thread, and the walk's end with it.
   */
  close(): void;
  /**
   * Where the calls go now: the thread, or libuv's pool (until the thread is up, and for the rest of the walk
   * after slow stats or a failed thread).
   */
  readonly route: Route;
}

/**
 * A library walk's calls, made synchronously on a thread of their own, in batches, once the walk has shown
 * itself large. A walk of 10,000 titles makes some 60,000 calls of a few microseconds each; through libuv's
 * pool each cost about 37 µs in a busy worker (the hand-off to a pool thread and back, on two cores): 2.2 s
 * of an unchanged rescan's 2.6 s. Synchronous calls on the walk's own thread take a few µs each, a message
 * carries every call the walk has ready, and the main thread never blocks on the disk. The first calls go
 * through libuv's pool while the thread starts; when the stats show the storage is slow (a network mount, a
 * cold disk), the rest of the walk goes back to the pool, whose calls run several at once.
 */
export function threadedFileSystem(options: ThreadedFileSystemOptions = {}): ThreadedFileSystem {
  const callsBeforeThread = options.callsBeforeThread ?? CALLS_BEFORE_THREAD;
  const slowStatMs = options.slowStatMs ?? SLOW_STAT_MS;
  let thread: Worker | null = null;
  let route: Route = 'libuv';
  let closed = false;
  let callsMade = 0;
  let statsTimed = 0;
  let statMsTimed = 0;
  let waiting: PendingCall[] = [];
  // Batches sent and not yet answered, oldest first: the thread answers them in order.
  const inFlight: PendingCall[][] = [];
  let flushQueued = false;

  const startThread = () => {
    const started = new Worker(options.threadScript ?? THREAD_SCRIPT, { execArgv: [] });
    started.once('online', () => {
      if (route === 'libuv') route = 'thread';
    });
    started.on('message', answered);
    // A thread that fails (it cannot start, or dies) hands what it held back to libuv's pool.
    started.on('error', () => backToPool('libuv, thread failed'));
    started.on('exit', () => backToPool('libuv, thread failed'));
    thread = started;
  };

  const backToPool = (why: Route) => {
    if (route !== 'libuv, storage slow' && route !== 'libuv, thread failed') route = why;
    const held = [...inFlight.flat(), ...waiting];
    inFlight.length = 0;
    waiting = [];
    for (const pending of held) viaLibuv(pending);
  };

  const viaLibuv = (pending: PendingCall) => {
    (libuvFileSystem[pending.call](pending.path) as Promise<never>).then(pending.resolve, pending.reject);
  };

  const flush = () => {
    flushQueued = false;
    if (inFlight.length >= BATCHES_IN_FLIGHT || waiting.length === 0 || !thread) return;
    const batch = waiting.splice(0, MAX_BATCH);
    inFlight.push(batch);
    thread.postMessage(batch.map((pending) => [pending.call, pending.path]));
  };

  function answered(batch: AnsweredBatch) {
    const calls = inFlight.shift() ?? [];
    statsTimed += batch.stats;
    statMsTimed += batch.statMs;
    if (statsTimed >= STATS_BEFORE_JUDGING && statMsTimed / statsTimed > slowStatMs) backToPool('libuv, storage slow');
    else flush();
    calls.forEach((pending, i) => {
      const answer = batch.results[i]!;
      if ('ok' in answer) pending.resolve(answer.ok as never);
      else pending.reject(failureAsError(answer.error));
    });
  }

  const call =
    <T>(name: CallName) =>
    (path: string): Promise<T> => {
      if (closed) return Promise.reject(new Error('the walk’s file system was closed'));
      callsMade += 1;
      if (!thread && route === 'libuv' && callsMade > callsBeforeThread) startThread();
      if (route !== 'thread') return libuvFileSystem[name](path) as Promise<T>;
      return new Promise<T>((resolve, reject) => {
        waiting.push({ call: name, path, resolve: resolve as (value: never) => void, reject });
        // Calls made in the same turn go together: the walk issues a folder's stats in one loop.
        if (!flushQueued) {
          flushQueued = true;
          queueMicrotask(flush);
        }
      });
    };

  return {
    readdir: call<DirectoryEntry[]>('readdir'),
    stat: call<EntryStat>('stat'),
    realpath: call<string>('realpath'),
    get route() {
      return route;
    },
    close: () => {
      closed = true;
      const ending = thread;
      thread = null;
      if (!ending) return;
      ending.removeAllListeners();
      for (const pending of [...inFlight.flat(), ...waiting]) pending.reject(new Error('the walk’s file system was closed'));
      inFlight.length = 0;
      waiting = [];
      void ending.terminate();
    },
  };
}
