import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileIfChanged, writeFileIfChanged } from '../../../src/media/write-if-changed.js';
import { tempDir } from '../../support/temp-dir.js';

describe('writeFileIfChanged', () => {
  it('writes new content, leaves identical content untouched (same mtime), and replaces changed content', async () => {
    const dir = tempDir('reelflow-write-');
    const target = path.join(dir, 'sub', 'movie.nfo');
    expect(await writeFileIfChanged(target, '<movie/>')).toBe('written');
    const old = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(target, old, old);
    expect(await writeFileIfChanged(target, '<movie/>')).toBe('unchanged');
    expect(fs.statSync(target).mtimeMs).toBe(old.getTime());
    expect(await writeFileIfChanged(target, '<movie><title>x</title></movie>')).toBe('written');
    expect(fs.readFileSync(target, 'utf8')).toBe('<movie><title>x</title></movie>');
    // No temporary file is left behind.
    expect(fs.readdirSync(path.dirname(target))).toEqual(['movie.nfo']);
  });

  it('copies a file only when the bytes differ', async () => {
    const dir = tempDir('reelflow-copy-');
    const source = path.join(dir, 'cached.jpg');
    fs.writeFileSync(source, Buffer.from([1, 2, 3]));
    const target = path.join(dir, 'poster.jpg');
    expect(await copyFileIfChanged(source, target)).toBe('written');
    expect(await copyFileIfChanged(source, target)).toBe('unchanged');
    fs.writeFileSync(source, Buffer.from([1, 2, 4]));
    expect(await copyFileIfChanged(source, target)).toBe('written');
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 4]);
  });
});
