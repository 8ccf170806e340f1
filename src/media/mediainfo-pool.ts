import type { MediaInfo as MediaInfoInstance, MediaInfoResult } from 'mediainfo.js';
import { createConcurrencyLimit, type ConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import type { ReadAt } from './container-header.js';

/**
 * MediaInfoLib, compiled to WebAssembly (the mediainfo.js package), run in this process. A library is
 * used rather than more ffprobe: starting ffprobe costs about 170 ms of CPU before it reads a byte (it
 * loads and initialises some 215 shared libraries), which caps a first scan near 12 titles a second on
 * two cores; MediaInfo reads the same file in about 9 ms. mediainfo.js is well kept and needs no binary.
 *
 * A scan of many folders parses on MediaInfo's own thread (mediainfo-thread.ts); this pool parses on the
 * calling thread, for every other probe (a webhook's folder, a refresh) and when that thread cannot be had.
 *
 * One instance parses one file at a time (it keeps the parse state between chunks), so the pool holds an
 * instance per concurrent analysis, created on first need. Two: the parsing runs on this thread, so a second
 * instance only lets one parse while the other waits for its file, and each instance keeps the WASM memory its
 * largest parse touched (it never shrinks). With four, a 10,000-title first scan peaked at 504–517 MB of worker
 * RSS; with two, 460 MB, and it scanned no slower (bench:scan, docs/benchmarks.md).
 */
export const MEDIAINFO_POOL_SIZE = 2;

type Instance = MediaInfoInstance<'object'>;

let factory: Promise<() => Promise<Instance>> | null = null;
const idle: Instance[] = [];
const limit: ConcurrencyLimit = createConcurrencyLimit(MEDIAINFO_POOL_SIZE, 'oldest-first');

/** The module (and its WASM) is loaded on first use, once per process; a failed load is tried again next time. */
function loadFactory(): Promise<() => Promise<Instance>> {
  factory ??= import('mediainfo.js').then(
    ({ mediaInfoFactory }) =>
      () =>
        mediaInfoFactory({ format: 'object', coverData: false, full: false }),
    (error: unknown) => {
      factory = null;
      throw error;
    },
  );
  return factory;
}

/** MediaInfo's report on the file `read` reads, `size` bytes long. */
export function analyzeWithMediaInfo(size: number, read: ReadAt): Promise<MediaInfoResult> {
  return limit(async () => {
    const instance = idle.pop() ?? (await (await loadFactory())());
    let reusable = false;
    try {
      const result = await instance.analyzeData(size, (length, offset) => read(offset, length));
      reusable = true;
      return result;
    } finally {
      // An instance whose parse threw may hold half a parse; it is closed rather than handed on.
      if (reusable) idle.push(instance);
      else instance.close();
    }
  });
}
