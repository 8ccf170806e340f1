import { describe, expect, it } from 'vitest';
import { queueRecord, timeSpan } from '../../../src/api/routes/arr-v3/resources.js';
import type { ProcessingItemRow } from '../../../src/db/schema/index.js';

const release = {
  title: 'Show.S01.1080p.WEB-DL-GRP',
  indexer: 'fake',
  downloadUrl: 'http://x/1.torrent',
  sizeBytes: 1_000_000,
  seeders: 3,
  resolution: 1080,
  seasonPack: true,
  score: 10,
  accepted: true,
  rejections: [],
};
const item = (changes: Partial<ProcessingItemRow>) =>
  ({
    id: '8f0e1a2b-0000-4000-8000-000000000001',
    requestId: 'r',
    seasonNumber: 1,
    episodeNumber: 2,
    title: 'Two',
    status: 'DOWNLOADING',
    progress: 25,
    selectedRelease: release,
    torrentHash: 'abcdef',
    lastError: null,
    airDate: '2020-01-08',
    ...changes,
  }) as ProcessingItemRow;
const now = new Date('2026-01-01T00:00:00Z');

describe('queue records', () => {
  it("a downloading episode: what is left from its progress, time left from the heartbeat's speed", () => {
    const live = {
      step: 'download' as const,
      waitingFor: null,
      waitUntil: null,
      activity: { type: 'awaitDownload', attempt: 1, percent: 25, bytesPerSecond: 1000, speed: null, state: 'downloading' },
      retrying: null,
    };
    expect(queueRecord('series', 7, item({}), live, now)).toMatchObject({
      seriesId: 7,
      episode: { seasonNumber: 1, episodeNumber: 2 },
      size: 1_000_000,
      sizeleft: 750_000,
      timeleft: '00:12:30',
      estimatedCompletionTime: '2026-01-01T00:12:30.000Z',
      status: 'downloading',
      trackedDownloadState: 'downloading',
      downloadId: 'ABCDEF',
    });
  });

  it('maps the other states Seerr shows', () => {
    expect(queueRecord('movie', 3, item({ status: 'FOUND' }), null, now)).toMatchObject({
      movieId: 3,
      status: 'queued',
      sizeleft: 1_000_000,
    });
    expect(queueRecord('movie', 3, item({ status: 'ENCODING' }), null, now)).toMatchObject({
      status: 'completed',
      sizeleft: 0,
      trackedDownloadState: 'importing',
    });
    const failed = queueRecord('movie', 3, item({ status: 'FAILED', lastError: 'disk full' }), null, now);
    expect(failed).toMatchObject({ status: 'warning', trackedDownloadStatus: 'error', errorMessage: 'disk full' });
    expect(failed).not.toHaveProperty('timeleft');
  });

  it('writes time left as TimeSpan does', () => {
    expect(timeSpan(59)).toBe('00:00:59');
    expect(timeSpan(90_061)).toBe('1.01:01:01');
  });
});
