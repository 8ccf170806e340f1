/**
 * The thread behind threadedFileSystem (threaded-file-system.ts): it makes a discovery walk's readdir,
 * stat and realpath calls synchronously, a batch at a time, and answers each batch with its results and
 * how long its stat calls took. A readdir also stats every entry that is not a folder or special, and the
 * listing carries the answers: the walk stats nearly every file it lists, and a stat made here costs it no
 * message and no promise. Plain JavaScript, so that the thread starts without the TypeScript loader (which
 * would cost it some 70 MB); it speaks the message shapes that file says.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (batch) => {
  const timing = { stats: 0, statMs: 0 };
  const results = batch.map(([call, path]) => settle(() => run(call, path, timing)));
  parentPort.postMessage({ results, ...timing });
});

function settle(call) {
  try {
    return { ok: call() };
  } catch (error) {
    return { error: { code: error.code, message: error.message } };
  }
}

function run(call, path, timing) {
  if (call === 'stat') return timedStat(path, timing);
  if (call === 'realpath') return fs.realpathSync.native(path);
  return fs.readdirSync(path, { withFileTypes: true }).map((entry) => {
    const kind = entryKind(entry);
    if (kind === 'directory' || kind === 'special') return { name: entry.name, kind };
    return { name: entry.name, kind, stat: settle(() => timedStat(nodePath.join(path, entry.name), timing)) };
  });
}

function timedStat(path, timing) {
  const started = performance.now();
  try {
    const stats = fs.statSync(path);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    timing.stats += 1;
    timing.statMs += performance.now() - started;
  }
}

/** As entryKind in file-system.ts. */
function entryKind(entry) {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'special';
  return 'unknown';
}
