/**
 * The thread behind mediaInfoThread (mediainfo-thread.ts): one MediaInfo instance that reads each file it
 * is sent itself, synchronously, and answers with MediaInfo's report and the chunks it read (transferred,
 * not copied), so the container header can be read from them. Requests are taken one at a time, in the
 * order they came. Plain JavaScript, so that the thread starts without the TypeScript loader (which would
 * cost it some 70 MB); it speaks the message shapes that file says.
 */
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { mediaInfoFactory } from 'mediainfo.js';

/** @type {import('mediainfo.js').MediaInfo<'object'> | null} */
let instance = null;
let turn = Promise.resolve();

parentPort.on('message', (request) => {
  turn = turn.then(() => analyze(request));
});

/** @param {{ id: number, path: string, size: number, keepBytes: number }} request */
async function analyze({ id, path, size, keepBytes }) {
  /** @type {{ offset: number, bytes: Uint8Array }[]} */
  const kept = [];
  let keptBytes = 0;
  let fd;
  try {
    // Opened without waiting: a file replaced by a FIFO since the listing cannot hold the thread.
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    parentPort.postMessage({ id, error: messageOf(error) });
    return;
  }
  try {
    instance ??= await mediaInfoFactory({ format: 'object', coverData: false, full: false });
    const report = await instance.analyzeData(size, (length, offset) => {
      const end = Math.max(offset, Math.min(offset + length, size));
      const buffer = new Uint8Array(end - offset);
      const bytes = buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, offset));
      if (keptBytes + bytes.length <= keepBytes) {
        kept.push({ offset, bytes });
        keptBytes += bytes.length;
      }
      return bytes;
    });
    parentPort.postMessage(
      { id, report, kept },
      kept.map((chunk) => chunk.bytes.buffer),
    );
  } catch (error) {
    // An instance whose parse threw may hold half a parse: the next file gets a new one.
    instance?.close();
    instance = null;
    parentPort.postMessage({ id, error: messageOf(error) });
  } finally {
    fs.closeSync(fd);
  }
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
