import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { discoverLibrary } from '../../../../src/media/discovery/index.js';
import { libuvFileSystem, type DiscoveryFileSystem } from '../../../../src/media/discovery/file-system.js';
import {
  threadedFileSystem,
  type ThreadedFileSystem,
  type ThreadedFileSystemOptions,
} from '../../../../src/media/discovery/threaded-file-system.js';

let root: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'reelflow-threaded-fs-'));
  await fs.mkdir(path.join(root, 'Movie (2001)'));
  await fs.writeFile(path.join(root, 'Movie (2001)', 'Movie (2001).mkv'), 'x'.repeat(1234));
  await fs.symlink(path.join(root, 'Movie (2001)'), path.join(root, 'Link'));
  await fs.symlink(path.join(root, 'gone'), path.join(root, 'Dangling'));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/** Every answer and every failure of a file system over the tree, in a form to compare. */
async function survey(fileSystem: DiscoveryFileSystem) {
  const settle = (promise: Promise<unknown>) =>
    promise.then(
      (value) => ({ value }),
      (error: NodeJS.ErrnoException) => ({ code: error.code, message: error.message }),
    );
  const names = ['Movie (2001)', 'Movie (2001)/Movie (2001).mkv', 'Link', 'Dangling', 'missing'];
  return {
    // Names and kinds: the thread's listing also brings stats along (compared in a test of their own).
    listing: await settle(
      fileSystem
        .readdir(root)
        .then((entries) => entries.map(({ name, kind }) => ({ name, kind })).sort((a, b) => a.name.localeCompare(b.name))),
    ),
    stats: await Promise.all(names.map((name) => settle(fileSystem.stat(path.join(root, name))))),
    realpaths: await Promise.all(names.map((name) => settle(fileSystem.realpath(path.join(root, name))))),
    unreadable: await settle(fileSystem.readdir(path.join(root, 'missing'))),
  };
}

/** Calls until the thread has started and takes the calls (the first ones go through libuv's pool meanwhile). */
async function untilOnThread(fileSystem: ThreadedFileSystem) {
  for (let i = 0; i < 500 && fileSystem.route !== 'thread'; i++) {
    await fileSystem.stat(root);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(fileSystem.route).toBe('thread');
}

/** A threadedFileSystem for one test, closed after it whatever happens. */
async function withThreaded(options: ThreadedFileSystemOptions, use: (threaded: ThreadedFileSystem) => Promise<void>) {
  const threaded = threadedFileSystem(options);
  try {
    await use(threaded);
  } finally {
    threaded.close();
  }
}

describe('threadedFileSystem', () => {
  it('answers and fails on its thread as libuv’s calls do, Node’s codes and messages kept', async () => {
    await withThreaded({ callsBeforeThread: 0 }, async (threaded) => {
      const expected = await survey(libuvFileSystem);
      expect(expected.stats[1]).toMatchObject({ value: { kind: 'file', sizeBytes: 1234 } });
      expect(expected.stats[3]).toMatchObject({ code: 'ENOENT' });
      await untilOnThread(threaded);
      expect(await survey(threaded)).toEqual(expected);
      expect(threaded.route).toBe('thread');
    });
  });

  it('lists a folder with the stat of each entry that is not a folder, as its own stat call answers', async () => {
    await withThreaded({ callsBeforeThread: 0 }, async (threaded) => {
      await untilOnThread(threaded);
      const listed = await threaded.readdir(root);
      const byName = new Map(listed.map((entry) => [entry.name, entry]));
      // A plain folder gets no stat: the walk never needs one.
      expect(byName.get('Movie (2001)')).toEqual({ name: 'Movie (2001)', kind: 'directory' });
      const link = await libuvFileSystem.stat(path.join(root, 'Link'));
      expect(byName.get('Link')).toEqual({ name: 'Link', kind: 'symlink', stat: { ok: link } });
      const dangling = await libuvFileSystem.stat(path.join(root, 'Dangling')).catch((error: NodeJS.ErrnoException) => error);
      expect(byName.get('Dangling')).toEqual({
        name: 'Dangling',
        kind: 'symlink',
        stat: { error: { code: 'ENOENT', message: (dangling as Error).message } },
      });
      const inside = await threaded.readdir(path.join(root, 'Movie (2001)'));
      expect(inside).toEqual([
        {
          name: 'Movie (2001).mkv',
          kind: 'file',
          stat: { ok: await libuvFileSystem.stat(path.join(root, 'Movie (2001)', 'Movie (2001).mkv')) },
        },
      ]);
      expect(threaded.route).toBe('thread');
    });
  });

  it('starts no thread for a small walk', async () => {
    await withThreaded({}, async (threaded) => {
      for (let i = 0; i < 200; i++) await threaded.stat(root);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(threaded.route).toBe('libuv');
    });
  });

  it('sends the rest of the walk back to libuv’s pool once its stats are slow, with the same answers', async () => {
    await withThreaded({ callsBeforeThread: 0, slowStatMs: 0 }, async (threaded) => {
      const expected = await survey(libuvFileSystem);
      await untilOnThread(threaded);
      // Judged after 32 stats on the thread: its first calls, not yet optimised, do not decide alone.
      await Promise.all(Array.from({ length: 40 }, () => threaded.stat(root)));
      expect(threaded.route).toBe('libuv, storage slow');
      expect(await survey(threaded)).toEqual(expected);
    });
  });

  it('walks a library to the same titles, fingerprints and issues as libuv’s pool', async () => {
    const library = path.join(root, 'Library');
    for (let i = 1; i <= 30; i++) {
      const folder = path.join(library, `Movie ${i} (20${String(i).padStart(2, '0')})`);
      await fs.mkdir(path.join(folder, 'extras'), { recursive: true });
      await fs.writeFile(path.join(folder, `Movie ${i}.mkv`), 'v'.repeat(i * 100));
      await fs.writeFile(path.join(folder, 'movie.nfo'), `<movie><title>${i}</title></movie>`);
      await fs.writeFile(path.join(folder, 'extras', 'trailer.mkv'), 't'.repeat(i));
    }
    await fs.symlink(path.join(library, 'Movie 1 (2001)'), path.join(library, 'Movie 1 again (2001)'));
    await fs.symlink(path.join(library, 'nowhere'), path.join(library, 'Movie 1 (2001)', 'dangling.mkv'));
    // Dropped by name (hidden, ignored): the thread stats them with their folder, and the walk never looks.
    await fs.symlink(path.join(library, 'nowhere'), path.join(library, 'Movie 2 (2002)', '._dangling.mkv'));
    await fs.symlink(path.join(library, 'nowhere'), path.join(library, 'Movie 3 (2003)', 'partial.mkv.!qB'));
    const config = { ...DEFAULT_PHASE_CONFIG.scan, ignorePatterns: ['*.!qB'] };
    const expected = await discoverLibrary(library, 'movie', config, { fileSystem: libuvFileSystem });
    expect(expected.titles).toHaveLength(30);
    // The dangling link is found by both ways into the folder; the second way is reported too.
    expect(new Set(expected.issues.map((issue) => issue.reason))).toEqual(
      new Set(['dangling symlink', 'same folder as title "Movie 1 (2001)"']),
    );
    await withThreaded({ callsBeforeThread: 0 }, async (threaded) => {
      await untilOnThread(threaded);
      expect(await discoverLibrary(library, 'movie', config, { fileSystem: threaded })).toEqual(expected);
      expect(threaded.route).toBe('thread');
    });
  });

  it('hands what a dying thread held back to libuv’s pool, and stays there', async () => {
    await withThreaded(
      {
        callsBeforeThread: 0,
        threadScript: new URL('../../../fixtures/threads/dies-on-first-batch.mjs', import.meta.url),
      },
      async (threaded) => {
        const expected = await survey(libuvFileSystem);
        await untilOnThread(threaded);
        // The survey's first calls go to the thread, which dies holding them: they are answered from the pool.
        expect(await survey(threaded)).toEqual(expected);
        expect(threaded.route).toBe('libuv, thread failed');
      },
    );
  });

  it('rejects what is asked after it is closed', async () => {
    const threaded = threadedFileSystem({ callsBeforeThread: 0 });
    await untilOnThread(threaded);
    threaded.close();
    await expect(threaded.stat(root)).rejects.toThrow(/closed/);
  });
});
