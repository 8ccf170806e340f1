import path from 'node:path';
import type { QbittorrentSettings } from '../integrations/qbittorrent/qbittorrent-client.js';
import type { TorznabIndexer } from '../integrations/torznab/torznab-indexer.js';
import { DEFAULT_STEP_RETRY_WINDOW_MS, type PipelineTimings } from '../contracts/request.js';
import { MAX_AGE_DAYS } from '../cache/refresh-rules.js';
import type { UpgradeTimings } from '../contracts/item-upgrade.js';

/** What the request pipeline's activities need to reach qBittorrent, the indexers and the disk. */
export interface RequestPipelineSettings {
  qbittorrent: QbittorrentSettings;
  /** qBittorrent's save path for our torrents; unset leaves qBittorrent's default. */
  downloadSavePath?: string;
  /** qBittorrent category every torrent of ours gets. */
  category: string;
  indexers: TorznabIndexer[];
  /** Encodes one worker process runs at once. */
  encodeSlots: number;
  /** Where encodes are made before delivery. */
  workDir: string;
  /** Durations of an item's waits and checks; unset: DEFAULT_PIPELINE_TIMINGS. */
  timings?: PipelineTimings;
  /** Time between two re-plans of a watched TV request; unset: DEFAULT_REQUEST_WATCH_MS. */
  requestWatchMs?: number;
  /** How long and how often a delivered item below its profile's preferred quality looks for an upgrade; unset: DEFAULT_UPGRADE_TIMINGS. */
  upgradeTimings?: UpgradeTimings;
}

/**
 * A watched request re-reads its seasons as often as the provider refresh re-reads a show that aired lately
 * (refresh-rules' "recent" class): every few days, REELFLOW_REQUEST_WATCH_SECONDS.
 */
export const DEFAULT_REQUEST_WATCH_MS = MAX_AGE_DAYS.recent * 24 * 60 * 60_000;

/** Production durations; each is a REELFLOW_… variable (README), and tests configure their workers shorter. */
export const DEFAULT_PIPELINE_TIMINGS: PipelineTimings = {
  downloadPollMs: 5_000,
  downloadStallMs: 30 * 60_000,
  airDateDelayMs: 2 * 60 * 60_000,
  searchRetryMs: 15 * 60_000,
  searchRetryMaxMs: 12 * 60 * 60_000,
  heartbeatTimeoutMs: 20_000,
  stepRetryWindowMs: DEFAULT_STEP_RETRY_WINDOW_MS,
};

/**
 * Production upgrade search: for 14 days after delivery, first after 6 hours, then at most daily. Worker
 * configuration (REELFLOW_UPGRADE_…), like the pipeline's other durations: tests shorten it.
 */
export const DEFAULT_UPGRADE_TIMINGS: UpgradeTimings = {
  upgradeWindowMs: 14 * 24 * 60 * 60_000,
  upgradeSearchMs: 6 * 60 * 60_000,
  upgradeSearchMaxMs: 24 * 60 * 60_000,
};

export class IndexerListError extends Error {}

/**
 * TORZNAB_INDEXERS: comma-separated entries, each `name=url` or a bare URL (named after its host). The URL
 * is the indexer's Torznab endpoint with its API key, e.g. `http://prowlarr:9696/1/api?apikey=...`.
 */
export function parseIndexerList(value: string | undefined): TorznabIndexer[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const eq = entry.indexOf('=');
      const named = eq > 0 && !entry.slice(0, eq).includes('://');
      const name = named ? entry.slice(0, eq) : '';
      const url = named ? entry.slice(eq + 1) : entry;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new IndexerListError(`TORZNAB_INDEXERS: expected name=url or a URL, got ${JSON.stringify(entry)}`);
      }
      return { name: name || parsed.host, apiUrl: parsed.toString() };
    });
}

export function defaultWorkDir(dataDir: string): string {
  return path.join(dataDir, 'encode');
}
