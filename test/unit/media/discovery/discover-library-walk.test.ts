import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanConfig } from '../../../../src/config/phase-config.js';
import {
  discoverLibrary,
  LibraryRootUnreadableError,
  type DiscoveredTitle,
  type DiscoveryResult,
} from '../../../../src/media/discovery/index.js';
import { libuvFileSystem, type DiscoveryFileSystem } from '../../../../src/media/discovery/file-system.js';

const config: ScanConfig = { ignorePatterns: [], minVideoSizeMb: 0, videoExtensions: ['.mkv', '.mp4', '.avi'] };

let root: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'reelflow-walk-'));
  outside = mkdtempSync(path.join(tmpdir(), 'reelflow-walk-outside-'));
});

afterEach(() => {
  for (const folder of [root, outside]) rmSync(folder, { recursive: true, force: true });
});

function put(relativePath: string, content: string = 'video bytes', base: string = root): string {
  const absolutePath = path.join(base, relativePath);
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  writeFileSync(absolutePath, content);
  return absolutePath;
}

function link(target: string, relativePath: string): string {
  const absolutePath = path.join(root, relativePath);
  mkdirSync(path.dirname(absolutePath), { recursive: true });
  symlinkSync(target, absolutePath);
  return absolutePath;
}

function titleOf(result: DiscoveryResult, key: string): DiscoveredTitle {
  const title = result.titles.find((candidate) => candidate.key === key);
  if (!title) throw new Error(`no title "${key}" among ${result.titles.map((candidate) => candidate.key).join(', ')}`);
  return title;
}

/** Whether this process is refused a folder it has chmod-ed to 000; root (CAP_DAC_OVERRIDE) is not. */
function permissionsAreEnforced(): boolean {
  const probe = mkdtempSync(path.join(tmpdir(), 'reelflow-permission-probe-'));
  try {
    chmodSync(probe, 0o000);
    readdirSync(probe);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(probe, 0o700);
    rmSync(probe, { recursive: true, force: true });
  }
}

describe('discoverLibrary and symlinks', () => {
  it('reports a symlink back to an ancestor as a loop, ends, and keeps the title', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Movie (2010)/Movie (2010).nfo', '<movie/>');
    const loopInTitle = link('..', 'Movie (2010)/loop');
    const loopInCollection = link('..', 'Collections/Trilogy/loop');
    put('Collections/Trilogy/Part One (1999)/Part One (1999).mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Collections/Trilogy/Part One (1999)', 'Movie (2010)']);
    expect(titleOf(result, 'Movie (2010)').fileCount).toBe(2);
    expect(result.issues).toEqual([
      { path: loopInCollection, reason: 'symlink loop' },
      { path: loopInTitle, reason: 'symlink loop' },
    ]);
  });

  it('reports a loop that passes through a folder outside the library', async () => {
    put('Away (2001)/Away (2001).mkv', 'video bytes', outside);
    symlinkSync(root, path.join(outside, 'Away (2001)/back-to-library'));
    link(path.join(outside, 'Away (2001)'), 'Away (2001)');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Away (2001)']);
    expect(titleOf(result, 'Away (2001)').fileCount).toBe(1);
    expect(result.issues).toEqual([{ path: path.join(root, 'Away (2001)/back-to-library'), reason: 'symlink loop' }]);
  });

  it('reports a symlink that points at itself, and one whose target is gone', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    const selfLink = link('self', 'Movie (2010)/self');
    const dangling = link(path.join(outside, 'Deleted (2000)'), 'Deleted (2000)');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    expect(result.issues).toEqual([
      { path: dangling, reason: 'dangling symlink' },
      { path: selfLink, reason: 'symlink loop' },
    ]);
  });

  it('follows symlinked folders and files to what they point at', async () => {
    put('Linked (2005)/Linked (2005).mkv', 'video bytes behind a link', outside);
    link(path.join(outside, 'Linked (2005)'), 'Linked (2005)');
    put('Real File (2006)/Real File (2006).nfo', '<movie/>');
    link(path.join(outside, 'Linked (2005)/Linked (2005).mkv'), 'Real File (2006)/Real File (2006).mkv');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Linked (2005)', 'Real File (2006)']);
    expect(titleOf(result, 'Linked (2005)').folderPath).toBe(path.join(root, 'Linked (2005)'));
    expect(titleOf(result, 'Real File (2006)').videoFiles).toEqual([
      { relativePath: 'Real File (2006).mkv', sizeBytes: 'video bytes behind a link'.length, mtimeMs: expect.any(Number) },
    ]);
  });

  it('makes one title of a folder reached both directly and through a symlink, keeping the direct way', async () => {
    put('Iron Man (2008)/Iron Man (2008).mkv');
    const collectionLink = link(path.join(root, 'Iron Man (2008)'), 'Collections/Marvel/Iron Man (2008)');

    const result = await discoverLibrary(root, 'movie', config);

    expect(result.titles.map((title) => title.key)).toEqual(['Iron Man (2008)']);
    expect(result.issues).toEqual([{ path: collectionLink, reason: 'same folder as title "Iron Man (2008)"' }]);
  });
});

describe('discoverLibrary and folders it cannot read', () => {
  const enforced = permissionsAreEnforced();
  let lockedFolder: string | undefined;

  afterEach(() => {
    if (lockedFolder) chmodSync(lockedFolder, 0o755);
    lockedFolder = undefined;
  });

  // As root, chmod 000 does not stop readdir: run the walk as an ordinary user (nobody) in that case.
  it('records a folder without read permission as EACCES and goes on', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Locked (2000)/Locked (2000).mkv');
    lockedFolder = path.join(root, 'Locked (2000)');
    chmodSync(lockedFolder, 0o000);

    const result = enforced ? await discoverLibrary(root, 'movie', config) : await discoverAsNobody(root);

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    expect(result.issues).toEqual([{ path: lockedFolder, reason: 'EACCES: permission denied' }]);
  });

  it('records a folder that fails to list (replaced by a file after its parent was listed) and goes on', async () => {
    put('Movie (2010)/Movie (2010).mkv');
    put('Replaced (2000)/Replaced (2000).mkv');
    const replaced = path.join(root, 'Replaced (2000)');

    // Progress is reported once a folder is listed and before anything below it is read: after the root
    // is listed, the walk still believes `Replaced (2000)` is a folder, and its readdir then really fails.
    const result = await discoverLibrary(root, 'movie', config, {
      onProgress: (listed) => {
        if (listed !== 1) return;
        rmSync(replaced, { recursive: true });
        writeFileSync(replaced, 'now a file');
      },
    });

    expect(result.titles.map((title) => title.key)).toEqual(['Movie (2010)']);
    expect(result.issues).toEqual([{ path: replaced, reason: 'ENOTDIR: not a directory' }]);
  });

  it('rejects when the root is missing or not a folder, rather than reporting an empty library', async () => {
    await expect(discoverLibrary(path.join(root, 'missing'), 'movie', config)).rejects.toThrow(LibraryRootUnreadableError);
    const file = put('not-a-folder.mkv');
    await expect(discoverLibrary(file, 'movie', config)).rejects.toThrow(/ENOTDIR: not a directory/);
  });
});

describe('discoverLibrary options', () => {
  beforeEach(() => {
    for (let index = 0; index < 12; index += 1) put(`Collection ${index % 3}/Movie ${index} (20${10 + index})/Movie ${index}.mkv`);
  });

  it('reports progress as a running count of folders listed, ending at directoriesVisited', async () => {
    const counts: number[] = [];
    const result = await discoverLibrary(root, 'movie', config, { onProgress: (listed) => counts.push(listed) });
    expect(result.directoriesVisited).toBe(16);
    expect(counts).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
  });

  it('gives the same result at any concurrency', async () => {
    const serial = await discoverLibrary(root, 'movie', config, { concurrency: 1 });
    const wide = await discoverLibrary(root, 'movie', config, { concurrency: 64 });
    expect(serial.titles).toHaveLength(12);
    expect(wide).toEqual(serial);
  });

  it('rejects with the signal reason when aborted before or during the walk', async () => {
    await expect(discoverLibrary(root, 'movie', config, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });

    const controller = new AbortController();
    const stop = new Error('scan cancelled');
    let listedAfterAbort = 0;
    const discovery = discoverLibrary(root, 'movie', config, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: (listed) => {
        if (controller.signal.aborted) listedAfterAbort += 1;
        if (listed === 2) controller.abort(stop);
      },
    });
    await expect(discovery).rejects.toBe(stop);
    expect(listedAfterAbort).toBe(0);
  });

  it('walks a level’s folders 64 at a time, whatever the call limit, and finds every title', async () => {
    for (let i = 0; i < 150; i++) put(`Big/Movie ${i}/Movie ${i}.mkv`);
    let listing = 0;
    let mostAtOnce = 0;
    const counting: DiscoveryFileSystem = {
      ...libuvFileSystem,
      readdir: async (folder) => {
        listing += 1;
        mostAtOnce = Math.max(mostAtOnce, listing);
        try {
          await new Promise((resolve) => setTimeout(resolve, 2));
          return await libuvFileSystem.readdir(folder);
        } finally {
          listing -= 1;
        }
      },
    };
    const result = await discoverLibrary(path.join(root, 'Big'), 'movie', config, { concurrency: 1_000, fileSystem: counting });
    expect(result.titles).toHaveLength(150);
    // All 150 at once without the pool; the pool itself is filled.
    expect(mostAtOnce).toBe(64);
  });

  it('refuses a concurrency below one', async () => {
    await expect(discoverLibrary(root, 'movie', config, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});

/** Runs discoverLibrary in a child process as the unprivileged `nobody` user, for permission cases. */
async function discoverAsNobody(libraryRoot: string): Promise<DiscoveryResult> {
  chmodSync(libraryRoot, 0o755);
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  const script = `import { discoverLibrary } from ${JSON.stringify(path.resolve('src/media/discovery/index.ts'))};
    const result = await discoverLibrary(process.argv[1], 'movie', JSON.parse(process.argv[2]));
    process.stdout.write(JSON.stringify(result));`;
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, libraryRoot, JSON.stringify(config)],
    {
      uid,
      gid,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: tmpdir() },
    },
  );
  return JSON.parse(output) as DiscoveryResult;
}
