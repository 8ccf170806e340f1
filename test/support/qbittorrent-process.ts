import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { QbittorrentClient } from '../../src/integrations/qbittorrent/qbittorrent-client.js';
import { findFreePort } from '../../src/runtime/free-port.js';

export interface QbittorrentInstance {
  baseUrl: string;
  /** The BitTorrent listen port, for `torrents/addPeers`. */
  listenPort: number;
  downloadDir: string;
  client: QbittorrentClient;
  stop(): Promise<void>;
}

/**
 * Debian's qbittorrent-nox on loopback with a profile of its own in `profile` (an empty folder): legal
 * notice accepted, DHT/LSD/PeX off (peers come only from `torrents/addPeers`), WebUI on 127.0.0.1 without
 * authentication for localhost. No test-runner dependencies: benchmarks use it too.
 */
export async function launchQbittorrent(profile: string): Promise<QbittorrentInstance> {
  const downloadDir = path.join(profile, 'downloads');
  mkdirSync(downloadDir, { recursive: true });
  const [webPort, listenPort] = [await findFreePort(), await findFreePort()];
  const configDir = path.join(profile, 'qBittorrent', 'config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(
    path.join(configDir, 'qBittorrent.conf'),
    [
      '[LegalNotice]',
      'Accepted=true',
      '',
      '[BitTorrent]',
      'Session\\DHTEnabled=false',
      'Session\\LSDEnabled=false',
      'Session\\PeXEnabled=false',
      `Session\\Port=${listenPort}`,
      'Session\\InterfaceAddress=127.0.0.1',
      `Session\\DefaultSavePath=${downloadDir}`,
      'Session\\QueueingSystemEnabled=false',
      'Session\\AddTorrentPaused=false',
      // Rate limits apply on loopback too, so a test can slow a seeder down.
      'Session\\IgnoreLimitsOnLAN=false',
      '',
      '[Preferences]',
      `Connection\\PortRangeMin=${listenPort}`,
      'Connection\\UPnP=false',
      `Downloads\\SavePath=${downloadDir}`,
      'WebUI\\Address=127.0.0.1',
      `WebUI\\Port=${webPort}`,
      'WebUI\\LocalHostAuth=false',
      'WebUI\\CSRFProtection=false',
      'WebUI\\HostHeaderValidation=false',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('qbittorrent-nox', [`--profile=${profile}`, `--webui-port=${webPort}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const client = new QbittorrentClient({ baseUrl, timeoutMs: 5_000 });
  let exited = false;
  child.once('exit', () => (exited = true));
  // The instance must not outlive the test or benchmark process.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  const stop = async () => {
    if (exited) return;
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await done;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`qbittorrent-nox exited at start: ${stderr}`);
    try {
      await client.version();
      break;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`qbittorrent-nox WebUI did not answer on ${baseUrl}: ${(error as Error).message} ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { baseUrl, listenPort, downloadDir, client, stop };
}

/** Seeds a torrent whose data already lies in `dataDir` (no hash check: the test just wrote the files). */
export async function seed(seeder: QbittorrentInstance, torrent: Buffer, dataDir: string): Promise<void> {
  await seeder.client.add(
    { kind: 'file', torrent, fileName: 'seed.torrent' },
    { savePath: dataDir, category: 'seed', tags: [], skipChecking: true },
  );
}

/**
 * Points the downloader at the seeder for every torrent it gets, as a tracker would: the test stands in
 * for peer discovery, since DHT and trackers are off on loopback. Stopped after the test file.
 */
export function introducePeers(downloader: QbittorrentInstance, seeder: QbittorrentInstance, everyMs = 500): () => void {
  // A loop here, not in Reelflow: it plays the tracker, which is outside the system under test.
  let stopped = false;
  const tick = async () => {
    while (!stopped) {
      try {
        // Again on every round until complete: a peer added while the torrent was still starting is dropped.
        const incomplete = (await downloader.client.info()).filter((t) => t.progress < 1 && (t.num_seeds ?? 0) === 0);
        if (incomplete.length > 0) {
          await downloader.client.addPeers(
            incomplete.map((t) => t.hash),
            [`127.0.0.1:${seeder.listenPort}`],
          );
        }
      } catch {
        // The downloader may be between restarts; the next round tries again.
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  };
  void tick();
  return () => {
    stopped = true;
  };
}
