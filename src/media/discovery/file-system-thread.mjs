/**
 * The thread behind threadedFileSystem (threaded-file-system.ts): it makes a discovery walk's readdir,
 * stat and realpath calls synchronously, a batch at a time, and answers each batch with its results and
 * how long its stat calls took. Plain JavaScript, so that the thread starts without the TypeScript loader
 * (which would cost it some 70 MB); it speaks the message shapes that file says.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (batch) => {
  let stats = 0;
  let statMs = 0;
  const results = batch.map(([call, path]) => {
    const started = performance.now();
    try {
      return { ok: run(call, path) };
    } catch (error) {
      return { error: { code: error.code, message: error.message } };
    } finally {
      if (call === 'stat') {
        stats += 1;
        statMs += performance.now() - started;
      }
    }
  });
  parentPort.postMessage({ results, stats, statMs });
});

function run(call, path) {
  if (call === 'stat') {
    const stats = fs.statSync(path);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
  }
  if (call === 'realpath') return fs.realpathSync.native(path);
  return fs.readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, kind: entryKind(entry) }));
}

/** As entryKind in file-system.ts. */
function entryKind(entry) {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'special';
  return 'unknown';
}
