import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nfoWritePermission } from '../../../src/library/publish/nfo-on-disk.js';
import { tempDir, writeTree } from '../../support/temp-dir.js';

const BROKEN = '<movie><title>Heat</title><actor><name>Al Pacino</name></movie>';
const GOOD = '<movie><title>Heat</title><custom>kept</custom></movie>';

function folderWith(files: Record<string, string>): string {
  const folder = tempDir('reelflow-nfo-on-disk-');
  writeTree(folder, files);
  return folder;
}

describe('nfoWritePermission', () => {
  it('allows writing where no NFO is, and hands over a readable one to keep what it holds', async () => {
    expect(await nfoWritePermission(folderWith({}), 'movie.nfo', 'movie', { recordedUnreadable: null, replace: false })).toEqual({
      write: true,
      keptAs: [],
    });
    const readable = await nfoWritePermission(folderWith({ 'movie.nfo': GOOD }), 'movie.nfo', 'movie', {
      recordedUnreadable: null,
      replace: false,
    });
    expect(readable.write && readable.existing?.kind).toBe('movie');
  });

  it('holds an NFO that cannot be parsed, or holds another kind, and changes nothing on disk', async () => {
    const folder = folderWith({ 'movie.nfo': BROKEN, 'Show - S01E01.nfo': '<tvshow><title>x</title></tvshow>' });
    const held = await nfoWritePermission(folder, 'movie.nfo', 'movie', { recordedUnreadable: null, replace: false });
    expect(held).toEqual({ write: false, reason: expect.stringMatching(/^movie\.nfo: not well-formed XML/) });
    const otherKind = await nfoWritePermission(folder, 'Show - S01E01.nfo', 'episodedetails', { recordedUnreadable: null, replace: false });
    expect(otherKind).toEqual({ write: false, reason: 'Show - S01E01.nfo: holds <tvshow>, not <episodedetails>' });
    expect(fs.readdirSync(folder).sort()).toEqual(['Show - S01E01.nfo', 'movie.nfo']);
    expect(fs.readFileSync(path.join(folder, 'movie.nfo'), 'utf8')).toBe(BROKEN);
  });

  it('holds a file the last scan could not read even when it parses now, until a scan has read the fix', async () => {
    const folder = folderWith({ 'movie.nfo': GOOD });
    const held = await nfoWritePermission(folder, 'movie.nfo', 'movie', { recordedUnreadable: 'movie.nfo', replace: false });
    expect(held.write).toBe(false);
    // Another NFO name than the one to write (Kodi reads movie.nfo before <video>.nfo) is held the same way.
    expect((await nfoWritePermission(folder, 'Heat (1995).nfo', 'movie', { recordedUnreadable: 'movie.nfo', replace: false })).write).toBe(
      false,
    );
  });

  it('sets the unreadable file aside byte for byte when a person asks for it to be replaced', async () => {
    const folder = folderWith({ 'movie.nfo': BROKEN });
    const permission = await nfoWritePermission(folder, 'movie.nfo', 'movie', { recordedUnreadable: 'movie.nfo', replace: true });
    expect(permission).toEqual({ write: true, keptAs: [expect.stringMatching(/^movie\.nfo\.unreadable-[0-9a-f]{12}\.bak$/)] });
    const keptAs = permission.write ? permission.keptAs[0]! : '';
    expect(fs.readFileSync(path.join(folder, keptAs), 'utf8')).toBe(BROKEN);
    expect(fs.existsSync(path.join(folder, 'movie.nfo'))).toBe(false);
  });

  it('never reads or renames outside the title folder', async () => {
    const folder = folderWith({});
    await expect(nfoWritePermission(folder, '../movie.nfo', 'movie', { recordedUnreadable: null, replace: false })).rejects.toThrow(
      /outside the title folder/,
    );
    await expect(
      nfoWritePermission(folder, 'movie.nfo', 'movie', { recordedUnreadable: '../../etc/passwd', replace: true }),
    ).rejects.toThrow(/outside the title folder/);
  });
});
