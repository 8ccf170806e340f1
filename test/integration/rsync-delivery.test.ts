import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/media/deliver.js';
import { sha256File } from '../../src/media/file-hash.js';
import { RsyncDestination, RsyncFailedError, isRsyncDestination } from '../../src/media/rsync-destination.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startRsyncDaemon, type RsyncDaemon } from '../support/rsync-daemon.js';
import { tempDir } from '../support/temp-dir.js';

let daemon: RsyncDaemon;
let source: string;

beforeAll(async () => {
  daemon = await startRsyncDaemon();
  source = path.join(tempDir('reelflow-rsync-source-'), 'encoded.mkv');
  writeFileSync(source, Buffer.alloc(3 * 1024 * 1024, 7));
});

describe('rsync delivery to a real rsync daemon', () => {
  it('puts the file under its Kodi name, folders made on the way, and checks the copy', async () => {
    const destination = new RsyncDestination(`${daemon.url}/TV`);
    const delivered = await destination.put(source, 'Pack Show/Season 02/Pack Show - S02E01 - One.mkv');
    expect(delivered.location).toBe(`${daemon.url}/TV/Pack Show/Season 02/Pack Show - S02E01 - One.mkv`);
    const onServer = path.join(daemon.root, 'TV', 'Pack Show', 'Season 02', 'Pack Show - S02E01 - One.mkv');
    expect(await sha256File(onServer)).toBe(delivered.sha256);
    expect(delivered.sha256).toBe(await sha256File(source));
  });

  it('never replaces a different file at the same name: it is kept in the recycle folder, under its own path', async () => {
    const destination = new RsyncDestination(daemon.url);
    const relative = 'Brazil (1985)/Brazil (1985).mkv';
    const older = path.join(tempDir('reelflow-rsync-older-'), 'older.mkv');
    writeFileSync(older, 'a person’s own copy');
    const first = await destination.put(older, relative);
    expect(first.recycled).toBeUndefined();
    const second = await destination.put(source, relative);
    expect(readFileSync(path.join(daemon.root, relative)).equals(readFileSync(source))).toBe(true);
    expect(second.recycled).toMatch(
      new RegExp(
        `^${daemon.url}/\\.reelflow-recycle/\\d{4}-\\d{2}-\\d{2}/\\d{2}-\\d{2}-\\d{2}\\.\\d{3}/Brazil \\(1985\\)/Brazil \\(1985\\)\\.mkv$`,
      ),
    );
    const kept = path.join(daemon.root, second.recycled!.slice(daemon.url.length + 1));
    expect(readFileSync(kept, 'utf8')).toBe('a person’s own copy');
  });

  it('treats the same bytes already at the destination as delivered, keeping nothing aside', async () => {
    const destination = new RsyncDestination(`${daemon.url}/Same`);
    await destination.put(source, 'Heat (1995)/Heat (1995).mkv');
    const again = await destination.put(source, 'Heat (1995)/Heat (1995).mkv');
    expect(again).toMatchObject({ unchanged: true });
    expect(again.recycled).toBeUndefined();
    expect(existsSync(path.join(daemon.root, 'Same', '.reelflow-recycle'))).toBe(false);
  });

  it('keeps aside into the recycle folder the target names', async () => {
    const destination = new RsyncDestination(`${daemon.url}/Custom`, { recycleFolder: 'Recycle Bin' });
    const other = path.join(tempDir('reelflow-rsync-other-'), 'other.mkv');
    writeFileSync(other, 'something else');
    await destination.put(other, 'Alien (1979)/Alien (1979).mkv');
    const replaced = await destination.put(source, 'Alien (1979)/Alien (1979).mkv');
    expect(replaced.recycled).toContain(`${daemon.url}/Custom/Recycle Bin/`);
    expect(readFileSync(path.join(daemon.root, replaced.recycled!.slice(daemon.url.length + 1)), 'utf8')).toBe('something else');
  });

  it("fails with rsync's reason for a module the daemon does not have", async () => {
    const destination = new RsyncDestination(`rsync://127.0.0.1:${daemon.port}/nosuchmodule`);
    const failure = await destination.put(source, 'X/x.mkv').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as Error).message).toMatch(
      /^rsync to rsync:\/\/127\.0\.0\.1:\d+\/nosuchmodule\/X\/x\.mkv failed \(exit \d+\): .*Unknown module 'nosuchmodule'/,
    );
  });

  it('tells a daemon that refused the session (final) from one that did not answer (it may come back)', async () => {
    const refused = await new RsyncDestination(`rsync://127.0.0.1:${daemon.port}/nosuchmodule`)
      .put(source, 'X/x.mkv')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RsyncFailedError);
    expect(refused).toMatchObject({ refused: true, unreachable: false });
    const nobodyListens = await findFreePort();
    const offline = await new RsyncDestination(`rsync://127.0.0.1:${nobodyListens}/media`).put(source, 'X/x.mkv').catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(RsyncFailedError);
    expect(offline).toMatchObject({ refused: false, unreachable: true, exitCode: 10 });
  });

  it('refuses a path that would land outside the target and anything that is not an rsync destination', () => {
    expect(() => new RsyncDestination(daemon.url).locate('../elsewhere/x.mkv')).toThrow(/would land outside/);
    expect(() => new RsyncDestination('/srv/media')).toThrow(/is not a usable rsync destination/);
    // A host starting with "-" would be an option to ssh.
    expect(() => new RsyncDestination('-oProxyCommand=sh:/srv')).toThrow(/the host must not start with "-"/);
    expect(() => new RsyncDestination('-l@nas:/srv')).toThrow(/the user must not start with "-"/);
    expect(() => new RsyncDestination('rsync://-x/media')).toThrow(/the host must not start with "-"/);
    expect([
      isRsyncDestination('rsync://nas/media/TV'),
      isRsyncDestination('media@nas:/srv/tv'),
      isRsyncDestination('nas:/srv/tv'),
      isRsyncDestination('/srv/tv'),
      isRsyncDestination('nas:relative'),
    ]).toEqual([true, true, true, false, false]);
  });
});
