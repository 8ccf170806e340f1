import { onCleanup } from './cleanup.js';
import { introducePeers as introduce, launchQbittorrent, type QbittorrentInstance } from './qbittorrent-process.js';
import { tempDir } from './temp-dir.js';

export { seed, type QbittorrentInstance } from './qbittorrent-process.js';

/** A qbittorrent-nox for this test file, stopped after it. */
export async function startQbittorrent(label: string): Promise<QbittorrentInstance> {
  const instance = await launchQbittorrent(tempDir(`reelflow-qbt-${label}-`));
  onCleanup(() => instance.stop());
  return instance;
}

/** Introduces the seeder to every torrent the downloader gets, until the end of the test file. */
export function introducePeers(downloader: QbittorrentInstance, seeder: QbittorrentInstance): () => void {
  const stop = introduce(downloader, seeder);
  onCleanup(stop);
  return stop;
}
