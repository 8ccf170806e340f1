import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTitleFolder } from '../../../../src/media/title-scan/list-title-folder.js';
import { makeTempDir } from '../../../support/media-fixtures.js';

let root: string;
const keepAll = () => false;

beforeAll(async () => {
  root = await makeTempDir('reelflow-list-title-folder');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The listing's file paths and errors, sorted, for comparing. */
async function listed(folderPath: string) {
  const listing = await listTitleFolder(folderPath, keepAll);
  return {
    files: listing.files.map((file) => file.relativePath).sort(),
    errors: [...listing.errors].sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1)),
  };
}

describe('listTitleFolder and symlinked folders', () => {
  it('follows a link to a folder elsewhere, and stops at links back into the title, however deep', async () => {
    const title = path.join(root, 'Linked (2001)');
    const elsewhere = path.join(root, 'elsewhere', 'Subs');
    await mkdir(path.join(title, 'Notes', 'deeper'), { recursive: true });
    await mkdir(elsewhere, { recursive: true });
    await writeFile(path.join(title, 'Linked (2001).mkv'), 'video');
    await writeFile(path.join(elsewhere, 'Linked (2001).en.srt'), 'subtitle');
    await symlink(elsewhere, path.join(title, 'Subs'));
    await symlink(title, path.join(title, 'itself'));
    await symlink(title, path.join(title, 'Notes', 'deeper', 'up'));
    await symlink(path.join(root), path.join(title, 'Notes', 'library'));

    expect(await listed(title)).toEqual({
      files: ['Linked (2001).mkv', 'Subs/Linked (2001).en.srt'],
      errors: [
        { relativePath: 'Notes/deeper/up', reason: 'symlink loop' },
        { relativePath: 'Notes/library', reason: 'symlink loop' },
        { relativePath: 'itself', reason: 'symlink loop' },
      ],
    });
  });

  it('knows the loops of a title folder reached through a symlink of its own', async () => {
    const real = path.join(root, 'storage', 'Aliased (2002)');
    await mkdir(real, { recursive: true });
    await writeFile(path.join(real, 'Aliased (2002).mkv'), 'video');
    await symlink(real, path.join(real, 'again'));
    const alias = path.join(root, 'Aliased (2002)');
    await symlink(real, alias);

    expect(await listed(alias)).toEqual({
      files: ['Aliased (2002).mkv'],
      errors: [{ relativePath: 'again', reason: 'symlink loop' }],
    });
  });
});
