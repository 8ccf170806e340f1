import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../src/media/file-hash.js';
import { makeTempDir, makeVideo } from '../../support/media-fixtures.js';

const execFileAsync = promisify(execFile);

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('reelflow-file-hash-test');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sha256File', () => {
  it('hashes the empty file and "abc" to the FIPS 180-2 values', async () => {
    const empty = path.join(dir, 'empty');
    const abc = path.join(dir, 'abc');
    await writeFile(empty, '');
    await writeFile(abc, 'abc');
    expect(await sha256File(empty)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256File(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a file spanning several read chunks as one piece', async () => {
    const contents = randomBytes(3 * 1024 * 1024 + 17);
    const file = path.join(dir, 'large.bin');
    await writeFile(file, contents);
    expect(await sha256File(file)).toBe(createHash('sha256').update(contents).digest('hex'));
  });

  it('agrees with sha256sum on a real video', async () => {
    const video = await makeVideo(path.join(dir, 'Movie.mkv'), { audio: [{ language: 'eng' }] });
    const { stdout } = await execFileAsync('sha256sum', [video]);
    expect(await sha256File(video)).toBe(stdout.split(' ')[0]);
  });

  it('rejects a missing file with an error naming it', async () => {
    const missing = path.join(dir, 'missing.mkv');
    await expect(sha256File(missing)).rejects.toThrow(missing);
  });
});
