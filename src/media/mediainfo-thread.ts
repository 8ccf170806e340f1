import { Worker } from 'node:worker_threads';
import type { MediaInfoResult } from 'mediainfo.js';

/** A chunk of the file MediaInfo read, at its offset. */
export interface KeptChunk {
  offset: number;
  bytes: Uint8Array;
}

/** MediaInfo's report on a file, and the chunks it read (as far as they were kept). */
export interface ThreadAnalysis {
  report: MediaInfoResult;
  kept: KeptChunk[];
}

/** The thread read the file and MediaInfo could not make sense of it (or the file could not be opened). */
export class MediaInfoRefusedError extends Error {}

/** The thread is not there to ask: it could not start, it died, or it was given up on while stuck on a read. */
export class MediaInfoThreadUnavailableError extends Error {}

type Answer = { id: number; report: MediaInfoResult; kept: KeptChunk[] } | { id: number; error: string };

interface Pending {
  resolve: (analysis: ThreadAnalysis) => void;
  reject: (error: Error) => void;
}

export interface MediaInfoThreadOptions {
  /** The thread's script; mediainfo-thread.mjs unless told (a test gives one that fails). */
  script?: URL;
  /** How long the thread stays up with nothing to do, holding its MediaInfo instance's memory. */
  idleMs?: number;
}

const SCRIPT = new URL('./mediainfo-thread.mjs', import.meta.url);
const IDLE_MS = 30_000;

/**
 * MediaInfo on a thread of its own, reading its files itself. MediaInfo's parse is most of the CPU a first
 * scan spends on a title (about 4 of 7 ms on the main thread, docs/benchmarks.md); on the thread it runs
 * beside the scan's own work (listing, NFOs, artwork, the saves) instead of between it, and its reads are
 * synchronous calls on that thread rather than hand-offs to libuv's pool. One instance: the thread never
 * waits on a read it handed off, so a second would only hold a second copy of MediaInfo's memory. The
 * thread starts on first use, ends after a while with nothing to do, and never keeps the process alive.
 */
export interface MediaInfoThread {
  /**
   * MediaInfo's report on the file at `path`, `size` bytes long, with up to `keepBytes` of the chunks it read.
   * Rejects with MediaInfoRefusedError when MediaInfo cannot read the file, and with
   * MediaInfoThreadUnavailableError when the thread cannot answer (the caller then parses elsewhere).
   */
  analyze(path: string, size: number, keepBytes: number): Promise<ThreadAnalysis>;
  /**
   * Gives up on the thread as it is, when an answer took too long (a read stuck on a dead network share
   * holds it): whatever it still owes rejects as unavailable, and the next request starts a new thread.
   */
  abandon(): void;
  /** Ends the thread (for tests and shutdown); the next request starts a new one. */
  close(): Promise<void>;
}

export function createMediaInfoThread(options: MediaInfoThreadOptions = {}): MediaInfoThread {
  const idleMs = options.idleMs ?? IDLE_MS;
  let thread: Worker | null = null;
  // A thread that ended before answering anything will not do better the next time: parse elsewhere.
  let broken = false;
  let answeredAny = false;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  const pending = new Map<number, Pending>();

  const failPending = (why: string) => {
    const owed = [...pending.values()];
    pending.clear();
    for (const request of owed) request.reject(new MediaInfoThreadUnavailableError(why));
  };

  const detach = (ending: Worker) => {
    ending.removeAllListeners();
    // A listener stays for errors the thread may still raise while it ends.
    ending.on('error', () => {});
    if (thread === ending) thread = null;
  };

  const start = (): Worker => {
    answeredAny = false;
    const started = new Worker(options.script ?? SCRIPT, { execArgv: [] });
    started.unref();
    started.on('message', (answer: Answer) => {
      answeredAny = true;
      const request = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) scheduleIdleEnd();
      if (!request) return;
      if ('error' in answer) request.reject(new MediaInfoRefusedError(answer.error));
      else request.resolve({ report: answer.report, kept: answer.kept });
    });
    const ended = (why: string) => {
      if (!answeredAny) broken = true;
      detach(started);
      failPending(why);
    };
    started.on('error', (error) => ended(`the MediaInfo thread failed: ${error.message}`));
    started.on('exit', (code) => ended(`the MediaInfo thread exited (code ${code})`));
    return started;
  };

  const scheduleIdleEnd = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (pending.size > 0 || !thread) return;
      const ending = thread;
      detach(ending);
      void ending.terminate();
    }, idleMs);
    idleTimer.unref();
  };

  return {
    analyze(path, size, keepBytes) {
      if (broken) return Promise.reject(new MediaInfoThreadUnavailableError('the MediaInfo thread could not start'));
      clearTimeout(idleTimer);
      thread ??= start();
      const id = nextId++;
      return new Promise<ThreadAnalysis>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread!.postMessage({ id, path, size, keepBytes });
      });
    },
    abandon() {
      clearTimeout(idleTimer);
      const stuck = thread;
      if (stuck) {
        detach(stuck);
        // Ends once the read it is stuck in returns; until then it holds only itself.
        void stuck.terminate();
      }
      failPending('the MediaInfo thread was given up on: an answer took too long');
    },
    async close() {
      clearTimeout(idleTimer);
      const ending = thread;
      if (!ending) return;
      detach(ending);
      failPending('the MediaInfo thread was closed');
      await ending.terminate();
    },
  };
}

/** The process's MediaInfo thread, which every scan probe shares. */
export const mediaInfoThread = createMediaInfoThread();
