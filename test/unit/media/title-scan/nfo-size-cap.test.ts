import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { discoverLibrary } from '../../../../src/media/discovery/index.js';
import { scanTitleFolder } from '../../../../src/media/title-scan/index.js';
import { MAX_NFO_BYTES, readNfoText } from '../../../../src/media/title-scan/read-nfo-file.js';
import { makeTempDir, makeVideo } from '../../../support/media-fixtures.js';

let root: string;

beforeAll(async () => {
  root = await makeTempDir('reelflow-nfo-size-cap');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A well-formed movie NFO of about `bytes`, padded with a comment, so only its size can be held against it. */
const paddedNfo = (bytes: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<movie>\n  <title>Padded</title>\n  <uniqueid type="tmdb" default="true">603</uniqueid>\n  <!--${'x'.repeat(bytes)}-->\n</movie>\n`;

async function scanFolderWithNfo(folder: string, nfo: string) {
  await makeVideo(path.join(root, folder, `${folder}.mkv`));
  await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, folder, 'movie.nfo'), nfo);
  const { titles } = await discoverLibrary(root, 'movie', DEFAULT_PHASE_CONFIG.scan);
  const title = titles.find((candidate) => candidate.key === folder)!;
  return scanTitleFolder(title);
}

describe('the size of an NFO the scan reads', () => {
  it('reads an NFO below the ceiling as usual', async () => {
    const scanned = await scanFolderWithNfo('Small (1999)', paddedNfo(100_000));
    expect(scanned.errors).toEqual([]);
    expect(scanned.identification).toMatchObject({ source: 'nfo', ids: { tmdb: 603 } });
  });

  it('refuses a larger one as an error naming the file, leaves it untouched, and scans the rest', async () => {
    const nfo = paddedNfo(MAX_NFO_BYTES + 1);
    const scanned = await scanFolderWithNfo('Huge (1999)', nfo);
    expect(scanned.errors).toEqual([
      { relativePath: 'movie.nfo', reason: 'movie.nfo: larger than 5 MB, the most an NFO may be; not read' },
    ]);
    expect(scanned.identification.source).toBe('folder-name');
    expect(scanned.kind === 'movie' && scanned.videoFiles).toHaveLength(1);
    expect(await readFile(path.join(root, 'Huge (1999)', 'movie.nfo'), 'utf8')).toBe(nfo);
  });

  it('reads a file of exactly the size it reports, and an empty one, whole', async () => {
    const nfo = paddedNfo(3_000);
    await writeFile(path.join(root, 'exact.nfo'), nfo);
    await writeFile(path.join(root, 'empty.nfo'), '');
    expect(await readNfoText(path.join(root, 'exact.nfo'))).toBe(nfo);
    expect(await readNfoText(path.join(root, 'empty.nfo'))).toBe('');
  });

  it('reads a file whole, and only it, whatever size the listing saw', async () => {
    const nfo = paddedNfo(3_000);
    await writeFile(path.join(root, 'listed.nfo'), nfo);
    for (const listedSize of [0, 100, nfo.length - 1, nfo.length, nfo.length + 1, nfo.length * 3]) {
      expect(await readNfoText(path.join(root, 'listed.nfo'), listedSize), `listed as ${listedSize} bytes`).toBe(nfo);
    }
    await expect(readNfoText(path.join(root, 'listed.nfo'), MAX_NFO_BYTES + 1)).rejects.toThrow(/larger than 5 MB/);
  });

  it('reads a file whose content is longer than the size it reports, whole', async () => {
    // Linux reports /proc files as 0 bytes long: the one-buffer read fills at once and the capped stream reads the rest.
    const text = await readNfoText('/proc/self/status');
    expect(text).toMatch(/^Name:/);
    expect(text).toContain('VmRSS:');
  });
});
