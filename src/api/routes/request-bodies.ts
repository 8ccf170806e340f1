import { z } from 'zod';
import { requestStatuses } from '../../db/repositories/request-list-repository.js';
import { processingItemStatuses, type ProcessingItemRow, type ReleaseCandidate } from '../../db/schema/index.js';
import { itemSteps, itemWaits } from '../../requests/item-stage.js';
import type { ItemListEntry } from '../../services/requests/request-list-service.js';
import type { RequestWithAggregates } from '../../services/requests/request-service.js';
import { itemWorkflowId, releaseGuid, requestMonitorModes } from '../../contracts/request.js';
import type { TemporalLinks } from '../../services/temporal-links.js';
import { isoDate, temporalUrl, toIso } from '../schemas.js';

/** The shapes of a request and of its items, shared by their detail and their lists so the two agree. */

const aggregates = z.object({
  /** Items per status, every status named (0 when none). */
  byStatus: z.object(
    Object.fromEntries(processingItemStatuses.map((status) => [status, z.number().int()])) as Record<
      (typeof processingItemStatuses)[number],
      z.ZodNumber
    >,
  ),
  total: z.number(),
  completed: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  active: z.number(),
});

export const requestBody = z.object({
  id: z.uuid(),
  type: z.enum(['movie', 'tv']),
  tmdbId: z.number().nullable(),
  tvdbId: z.number().nullable(),
  imdbId: z.string().nullable(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  seasons: z.array(z.number()),
  episodes: z.array(z.object({ season: z.number(), episode: z.number() })),
  qualityProfileId: z.uuid(),
  targetIds: z.array(z.string()),
  requireApproval: z.boolean(),
  /** How the request keeps watching its seasons; `none` for a movie and for requests made before monitoring. */
  monitor: z.enum(requestMonitorModes),
  status: z.enum(requestStatuses),
  workflowId: z.string(),
  temporalUrl,
  lastError: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  aggregates,
});

const releaseBody = z.object({
  /** The indexer's Torznab guid: what POST /api/items/:id/select-release names. */
  guid: z.string(),
  title: z.string(),
  indexer: z.string(),
  /** v1 info hash (40 lower-case hex digits), when the indexer gave one. */
  infoHash: z.string().optional(),
  sizeBytes: z.number(),
  seeders: z.number(),
  resolution: z.number().optional(),
  seasonPack: z.boolean(),
  score: z.number(),
  accepted: z.boolean(),
  rejections: z.array(z.string()),
});

export const itemBody = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  /** The item's episodePipeline run (`item/<id>`). */
  workflowId: z.string(),
  temporalUrl,
  seasonNumber: z.number(),
  episodeNumber: z.number(),
  title: z.string().nullable(),
  status: z.enum(processingItemStatuses),
  failedStep: z.string().nullable(),
  airDate: z.string().nullable(),
  sourceFilePath: z.string().nullable(),
  encodedFilePath: z.string().nullable(),
  deliveredPaths: z.array(z.string()),
  /** Files that stood where a delivery went, kept in the target's recycle folder. */
  recycledFiles: z.array(z.object({ location: z.string(), keptAt: z.string(), at: z.string() })),
  torrentHash: z.string().nullable(),
  selectedRelease: releaseBody.nullable(),
  availableReleases: z.array(releaseBody),
  qualityMet: z.boolean().nullable(),
  /** Set while the delivered item looks for a release meeting its profile's preferred quality: until when. */
  upgradeUntil: isoDate.nullable(),
  progress: z.number(),
  lastError: z.string().nullable(),
  downloadedAt: isoDate.nullable(),
  encodedAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  updatedAt: isoDate,
  live: z
    .object({
      step: z.string(),
      waitingFor: z.string().nullable(),
      waitUntil: z.string().nullable(),
      activity: z
        .object({
          type: z.string(),
          attempt: z.number(),
          percent: z.number().nullable(),
          bytesPerSecond: z.number().nullable(),
          speed: z.number().nullable(),
          state: z.string().nullable(),
        })
        .nullable(),
      retrying: z
        .object({ step: z.string(), attempt: z.number(), lastError: z.string(), until: z.string().nullable() })
        .nullable()
        .describe("The step's activity failed and is retried until `until` before the item becomes FAILED"),
    })
    .nullable(),
});

export const requestDto = ({ request: r, aggregates: counts }: RequestWithAggregates, links: TemporalLinks) => ({
  id: r.id,
  type: r.type,
  tmdbId: r.tmdbId,
  tvdbId: r.tvdbId,
  imdbId: r.imdbId,
  title: r.title,
  year: r.year,
  seasons: r.seasons,
  episodes: r.episodes,
  qualityProfileId: r.qualityProfileId,
  targetIds: r.targetIds,
  requireApproval: r.requireApproval,
  monitor: r.monitor,
  status: r.status,
  workflowId: r.workflowId,
  temporalUrl: links.workflow(r.workflowId),
  lastError: r.lastError,
  createdAt: toIso(r.createdAt)!,
  updatedAt: toIso(r.updatedAt)!,
  aggregates: counts,
});

const releaseDto = (r: ReleaseCandidate) => ({ ...r, guid: releaseGuid(r) });

export const itemDto = (i: ProcessingItemRow, live: z.infer<typeof itemBody>['live'], links: TemporalLinks) => ({
  id: i.id,
  requestId: i.requestId,
  workflowId: itemWorkflowId(i.id),
  temporalUrl: links.workflow(itemWorkflowId(i.id)),
  seasonNumber: i.seasonNumber,
  episodeNumber: i.episodeNumber,
  title: i.title,
  status: i.status,
  failedStep: i.failedStep,
  airDate: i.airDate,
  sourceFilePath: i.sourceFilePath,
  encodedFilePath: i.encodedFilePath,
  deliveredPaths: i.deliveredPaths,
  recycledFiles: i.recycledFiles,
  torrentHash: i.torrentHash,
  selectedRelease: i.selectedRelease ? releaseDto(i.selectedRelease) : null,
  availableReleases: i.availableReleases.map(releaseDto),
  qualityMet: i.qualityMet,
  upgradeUntil: toIso(i.upgradeUntil),
  progress: i.progress,
  lastError: i.lastError,
  downloadedAt: toIso(i.downloadedAt),
  encodedAt: toIso(i.encodedAt),
  deliveredAt: toIso(i.deliveredAt),
  updatedAt: toIso(i.updatedAt)!,
  live,
});

/** An item as a list shows it: the detail's fields that fit a row, what its request names, and where it stands. */
export const itemRowBody = itemBody
  .pick({
    id: true,
    requestId: true,
    workflowId: true,
    temporalUrl: true,
    seasonNumber: true,
    episodeNumber: true,
    title: true,
    status: true,
    failedStep: true,
    airDate: true,
    progress: true,
    lastError: true,
    downloadedAt: true,
    encodedAt: true,
    deliveredAt: true,
    upgradeUntil: true,
    updatedAt: true,
  })
  .extend({
    requestType: z.enum(['movie', 'tv']),
    /** The request's title: the movie's, or the show's for an episode. */
    requestTitle: z.string().nullable(),
    step: z.enum(itemSteps),
    waitingFor: z.enum(itemWaits).nullable(),
    createdAt: isoDate,
  });

export const itemRowDto = (entry: ItemListEntry, links: TemporalLinks): z.infer<typeof itemRowBody> => {
  const { id, requestId, seasonNumber, episodeNumber, title, status, failedStep, airDate, progress, lastError } = entry.item;
  return {
    id,
    requestId,
    seasonNumber,
    episodeNumber,
    title,
    status,
    failedStep,
    airDate,
    progress,
    lastError,
    downloadedAt: toIso(entry.item.downloadedAt),
    encodedAt: toIso(entry.item.encodedAt),
    deliveredAt: toIso(entry.item.deliveredAt),
    upgradeUntil: toIso(entry.item.upgradeUntil),
    updatedAt: toIso(entry.item.updatedAt)!,
    requestType: entry.requestType,
    requestTitle: entry.requestTitle,
    step: entry.step,
    waitingFor: entry.waitingFor,
    workflowId: entry.workflowId,
    temporalUrl: links.workflow(entry.workflowId),
    createdAt: toIso(entry.item.createdAt)!,
  };
};
