import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMediaInfoThread,
  MediaInfoRefusedError,
  MediaInfoThreadUnavailableError,
  type MediaInfoThread,
} from '../../../src/media/mediainfo-thread.js';
import { makeTempDir, makeVideo } from '../../support/media-fixtures.js';

let dir: string;
let video: string;
const threads: MediaInfoThread[] = [];

/** A thread for one test, closed after the file's tests. */
function thread(...args: Parameters<typeof createMediaInfoThread>): MediaInfoThread {
  const created = createMediaInfoThread(...args);
  threads.push(created);
  return created;
}

async function script(name: string, text: string): Promise<URL> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return pathToFileURL(file);
}

const threadsOfThisProcess = () => readdirSync('/proc/self/task').length;

beforeAll(async () => {
  dir = await makeTempDir('reelflow-mediainfo-thread-test');
  video = await makeVideo(path.join(dir, 'film.mkv'), { audio: [{ language: 'eng', channels: 2 }] });
}, 60_000);

afterAll(async () => {
  await Promise.all(threads.map((t) => t.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('the MediaInfo thread', () => {
  // First, while no other thread of these tests is up: it counts this process's threads.
  it('ends after a while with nothing to do, and starts again when asked', async () => {
    const analyzer = thread({ idleMs: 100 });
    const { size } = await stat(video);
    const before = threadsOfThisProcess();
    await analyzer.analyze(video, size, 0);
    expect(threadsOfThisProcess()).toBeGreaterThan(before);
    await expect.poll(threadsOfThisProcess, { timeout: 5_000 }).toBe(before);
    const { report } = await analyzer.analyze(video, size, 0);
    expect(report.media?.track.some((track) => track['@type'] === 'Video')).toBe(true);
  });

  it("answers with MediaInfo's report and hands over the chunks it read, as the file holds them", async () => {
    const { size } = await stat(video);
    const { report, kept } = await thread().analyze(video, size, 4 * 1024 * 1024);
    const types = report.media?.track.map((track) => track['@type']);
    expect(types).toEqual(['General', 'Video', 'Audio']);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept[0]!.offset).toBe(0);
    const whole = await readFile(video);
    for (const chunk of kept) {
      expect(Buffer.from(chunk.bytes).equals(whole.subarray(chunk.offset, chunk.offset + chunk.bytes.length))).toBe(true);
    }
  });

  it('keeps no more of the chunks than it is asked to', async () => {
    const { size } = await stat(video);
    const { kept } = await thread().analyze(video, size, 0);
    expect(kept).toEqual([]);
  });

  it('refuses a file it cannot open, naming why, and goes on with the next', async () => {
    const analyzer = thread();
    const missing = analyzer.analyze(path.join(dir, 'missing.mkv'), 4096, 1024);
    await expect(missing).rejects.toBeInstanceOf(MediaInfoRefusedError);
    await expect(missing).rejects.toThrow(/ENOENT/);
    const { report } = await analyzer.analyze(video, (await stat(video)).size, 1024);
    expect(report.media?.track.some((track) => track['@type'] === 'Video')).toBe(true);
  });

  it('opens a file that has become a FIFO without waiting for a writer', async () => {
    const fifo = path.join(dir, 'replaced.mkv');
    execFileSync('mkfifo', [fifo]);
    const analyzer = thread();
    const settled = await Promise.race([
      analyzer.analyze(fifo, 4096, 1024).then(
        ({ report }) => report.media?.track.map((track) => track['@type']) ?? [],
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    expect(settled).not.toBe('still waiting');
    if (Array.isArray(settled)) expect(settled).not.toContain('Video');
    // And the thread is free for the next file.
    const { report } = await analyzer.analyze(video, (await stat(video)).size, 1024);
    expect(report.media?.track.some((track) => track['@type'] === 'Video')).toBe(true);
  });

  it('is unavailable when its script fails, and is not started again', async () => {
    const analyzer = thread({ script: await script('fails.mjs', "throw new Error('cannot start');\n") });
    await expect(analyzer.analyze(video, 1, 0)).rejects.toBeInstanceOf(MediaInfoThreadUnavailableError);
    const started = performance.now();
    await expect(analyzer.analyze(video, 1, 0)).rejects.toThrow('could not start');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('gives up a stuck thread: what it owes is unavailable, and the next request gets a new thread', async () => {
    const stuck = thread({
      script: await script('stuck.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => {});\n"),
    });
    const owed = [stuck.analyze(video, 1, 0), stuck.analyze(video, 1, 0)];
    stuck.abandon();
    for (const request of owed) await expect(request).rejects.toBeInstanceOf(MediaInfoThreadUnavailableError);

    const analyzer = thread();
    const { size } = await stat(video);
    await analyzer.analyze(video, size, 0);
    analyzer.abandon();
    const { report } = await analyzer.analyze(video, size, 0);
    expect(report.media?.track.some((track) => track['@type'] === 'Video')).toBe(true);
  });
});
