import { z } from 'zod';
import { VIDEO_EXTENSIONS } from '../media/video-extensions.js';

/**
 * Phase configuration: how each phase of the library pipeline behaves (never whether it runs — every
 * phase always chains to the next). Stored in `app_settings` as one row per `phase.<phase>.<key>`.
 */

export const scanConfigSchema = z
  .object({
    /** Glob-style patterns (`*`, `?`, `**`) matched against paths relative to the library root, and names. */
    ignorePatterns: z.array(z.string().min(1)),
    /** Video files smaller than this are not titles (0 keeps every non-empty file). */
    minVideoSizeMb: z.number().min(0),
    /** Lower-case extensions with the dot. */
    videoExtensions: z.array(z.string().regex(/^\.[a-z0-9]+$/, 'a lower-case extension starting with a dot')).min(1),
  })
  .strict();

export const enrichmentConfigSchema = z
  .object({
    fetchProviderAssets: z.boolean(),
    autoSelectAssets: z.boolean(),
    maxPoster: z.number().int().min(0).max(50),
    maxFanart: z.number().int().min(0).max(50),
    maxLogo: z.number().int().min(0).max(50),
    maxTrailer: z.number().int().min(0).max(50),
    /** ISO 639-1 language for metadata and artwork. */
    language: z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as "en"'),
    /** Minimum artwork height in pixels that scores fully. */
    minResolution: z.number().int().min(0),
  })
  .strict();

export const publishConfigSchema = z
  .object({
    assets: z.boolean(),
    actors: z.boolean(),
    trailers: z.boolean(),
    /** Kodi reads either: `movie.nfo`, or `<video file name>.nfo` beside the video. */
    movieNfoName: z.enum(['movie.nfo', 'video']),
  })
  .strict();

export const playerSyncConfigSchema = z
  .object({
    notify: z.boolean(),
    delaySeconds: z.number().int().min(0),
    cleanFirst: z.boolean(),
  })
  .strict();

export const phaseSchemas = {
  scan: scanConfigSchema,
  enrichment: enrichmentConfigSchema,
  publish: publishConfigSchema,
  playerSync: playerSyncConfigSchema,
} as const;

export type PhaseName = keyof typeof phaseSchemas;
export const phaseNames = Object.keys(phaseSchemas) as PhaseName[];

export type ScanConfig = z.infer<typeof scanConfigSchema>;
export type EnrichmentConfig = z.infer<typeof enrichmentConfigSchema>;
export type PublishConfig = z.infer<typeof publishConfigSchema>;
export type PlayerSyncConfig = z.infer<typeof playerSyncConfigSchema>;

export interface PhaseConfiguration {
  scan: ScanConfig;
  enrichment: EnrichmentConfig;
  publish: PublishConfig;
  playerSync: PlayerSyncConfig;
}

export const DEFAULT_PHASE_CONFIG: PhaseConfiguration = {
  scan: {
    ignorePatterns: [
      '@eaDir', // Synology thumbnails
      '#recycle',
      '$RECYCLE.BIN',
      'lost+found',
      '.reelflow-recycle', // files a delivery found in its way
      '*.part',
      '*.!qB',
      '*.tmp',
    ],
    minVideoSizeMb: 0,
    videoExtensions: [...VIDEO_EXTENSIONS],
  },
  enrichment: {
    fetchProviderAssets: true,
    autoSelectAssets: true,
    maxPoster: 3,
    maxFanart: 5,
    maxLogo: 2,
    maxTrailer: 1,
    language: 'en',
    minResolution: 720,
  },
  publish: { assets: true, actors: true, trailers: false, movieNfoName: 'movie.nfo' },
  playerSync: { notify: true, delaySeconds: 0, cleanFirst: false },
};

export function isPhaseName(value: string): value is PhaseName {
  return Object.hasOwn(phaseSchemas, value);
}
