import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DestinationRefusedError, LocalDestination } from '../../../src/media/deliver.js';
import { recycleFolderProblem } from '../../../src/media/recycle-folder.js';
import { tempDir } from '../../support/temp-dir.js';

function sourceFile(text: string): string {
  const file = path.join(tempDir('reelflow-deliver-src-'), 'encoded.mkv');
  writeFileSync(file, text);
  return file;
}

const RELATIVE = 'Heat (1995)/Heat (1995).mkv';

describe('local delivery never destroys a file that is in the way', () => {
  it('moves a different file at the destination into the recycle folder, under its own path, then puts the new one', async () => {
    const root = tempDir('reelflow-deliver-');
    mkdirSync(path.join(root, 'Heat (1995)'));
    writeFileSync(path.join(root, RELATIVE), 'the person’s own rip');
    const delivered = await new LocalDestination(root).put(sourceFile('the new encode'), RELATIVE);
    expect(readFileSync(path.join(root, RELATIVE), 'utf8')).toBe('the new encode');
    expect(delivered.recycled).toMatch(
      new RegExp(`^${root}/\\.reelflow-recycle/\\d{4}-\\d{2}-\\d{2}/\\d{2}-\\d{2}-\\d{2}\\.\\d{3}/Heat \\(1995\\)/Heat \\(1995\\)\\.mkv$`),
    );
    expect(readFileSync(delivered.recycled!, 'utf8')).toBe('the person’s own rip');
    // Nothing else was left behind: no temporary copy.
    expect(readdirSync(path.join(root, 'Heat (1995)'))).toEqual(['Heat (1995).mkv']);
  });

  it('keeps two replacements of one name apart', async () => {
    const root = tempDir('reelflow-deliver-');
    const destination = new LocalDestination(root);
    await destination.put(sourceFile('first'), RELATIVE);
    const second = await destination.put(sourceFile('second'), RELATIVE);
    const third = await destination.put(sourceFile('third'), RELATIVE);
    expect(second.recycled).not.toBe(third.recycled);
    expect([readFileSync(second.recycled!, 'utf8'), readFileSync(third.recycled!, 'utf8')]).toEqual(['first', 'second']);
  });

  it('treats the same bytes already there as delivered and keeps nothing aside', async () => {
    const root = tempDir('reelflow-deliver-');
    const source = sourceFile('same bytes');
    await new LocalDestination(root).put(source, RELATIVE);
    const again = await new LocalDestination(root).put(source, RELATIVE);
    expect(again).toMatchObject({ location: path.join(root, RELATIVE), unchanged: true });
    expect(existsSync(path.join(root, '.reelflow-recycle'))).toBe(false);
  });

  it('keeps aside into the folder the target names, and refuses one outside the target', async () => {
    const root = tempDir('reelflow-deliver-');
    const destination = new LocalDestination(root, { recycleFolder: 'Recycle Bin' });
    await destination.put(sourceFile('old'), RELATIVE);
    const replaced = await destination.put(sourceFile('new'), RELATIVE);
    expect(replaced.recycled!.startsWith(path.join(root, 'Recycle Bin') + path.sep)).toBe(true);
    const escaping = new LocalDestination(root, { recycleFolder: '../../elsewhere' });
    const error = await escaping.put(sourceFile('newer'), RELATIVE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DestinationRefusedError);
    expect(readFileSync(path.join(root, RELATIVE), 'utf8')).toBe('new');
    expect([recycleFolderProblem('.reelflow-recycle'), recycleFolderProblem('Trash/Reelflow')]).toEqual([undefined, undefined]);
    for (const bad of ['', '/srv/trash', '..', '../x', 'a/../../x', 'a\\b']) expect(recycleFolderProblem(bad), bad).toBeDefined();
  });

  it('refuses a name that would land outside the target', async () => {
    const root = tempDir('reelflow-deliver-');
    await expect(new LocalDestination(root).put(sourceFile('x'), '../outside.mkv')).rejects.toBeInstanceOf(DestinationRefusedError);
    await expect(new LocalDestination(root).put(sourceFile('x'), '/etc/x.mkv')).rejects.toBeInstanceOf(DestinationRefusedError);
  });
});
