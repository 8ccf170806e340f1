import { z } from 'zod';
import { lockableMovieFields } from '../../db/schema/index.js';
import { isoDate } from '../schemas.js';

/** Response schemas of the movie, show and episode routes. */

const ids = z.object({ tmdb: z.number().nullable(), imdb: z.string().nullable(), tvdb: z.number().nullable() });
const rating = z.object({
  name: z.string(),
  value: z.number(),
  valueText: z.string().optional(),
  votes: z.number().optional(),
  max: z.number().optional(),
  isDefault: z.boolean(),
});
const strings = z.array(z.string());

export const titleSummaryBody = z.object({
  id: z.uuid(),
  libraryId: z.uuid(),
  title: z.string(),
  originalTitle: z.string().nullable(),
  sortTitle: z.string().nullable(),
  year: z.number().int().nullable(),
  premiered: z.string().nullable(),
  plot: z.string().nullable(),
  outline: z.string().nullable(),
  tagline: z.string().nullable(),
  runtime: z.number().int().nullable(),
  mpaa: z.string().nullable(),
  ids,
  ratings: z.array(rating),
  genres: strings,
  countries: strings,
  studios: strings,
  tags: strings,
  directors: strings,
  credits: strings,
  identificationStatus: z.enum(['unidentified', 'identified']),
  identificationSource: z.enum(['nfo', 'folder-tag', 'folder-name', 'manual', 'provider', 'arr']),
  folderPath: z.string(),
  nfoPath: z.string().nullable(),
  unreadableNfoPath: z.string().nullable(),
  replaceUnreadableNfo: z.boolean(),
  scanErrors: z.array(z.object({ relativePath: z.string(), reason: z.string() })),
  lockedFields: z.array(z.enum(lockableMovieFields)),
  removedAt: isoDate.nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const titlePageBody = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(titleSummaryBody),
});

/** A probed stream; every column of media_streams but its ids and raw details. */
const stream = z.looseObject({
  streamType: z.enum(['video', 'audio', 'subtitle']),
  codec: z.string().nullable(),
  language: z.string().nullable(),
});

const mediaFile = z.object({
  relativePath: z.string(),
  sizeBytes: z.number(),
  container: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  bitrate: z.number().nullable(),
  probeError: z.string().nullable(),
  streams: z.array(stream),
});

const children = {
  mediaFiles: z.array(mediaFile),
  assets: z.array(
    z.object({
      id: z.uuid(),
      assetType: z.string(),
      season: z.number().int().nullable(),
      source: z.string(),
      sourcePath: z.string(),
      sha256: z.string(),
      cachePath: z.string(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
      format: z.string().nullable(),
    }),
  ),
  actors: z.array(
    z.object({
      name: z.string(),
      role: z.string().nullable(),
      order: z.number().int(),
      thumbUrl: z.string().nullable(),
      thumbCacheFileId: z.uuid().nullable(),
    }),
  ),
  unknownFiles: z.array(z.object({ relativePath: z.string(), sizeBytes: z.number() })),
  /** Where the IPTV catalogues offer the title; stream URLs carry the account's credentials. */
  iptv: z.array(
    z.object({
      providerId: z.uuid(),
      providerName: z.string(),
      titleKey: z.string(),
      name: z.string(),
      streams: z.object({ movie: z.string().optional(), episodes: z.record(z.string(), z.string()).optional() }),
    }),
  ),
};

export const movieDetailBody = titleSummaryBody.extend({ set: z.string().nullable(), ...children });

export const showDetailBody = titleSummaryBody.extend({
  status: z.string().nullable(),
  seasons: z.array(
    z.object({
      seasonNumber: z.number().int(),
      name: z.string().nullable(),
      title: z.string().nullable(),
      plot: z.string().nullable(),
      premiered: z.string().nullable(),
      nfoPath: z.string().nullable(),
      episodes: z.array(
        z.object({
          id: z.uuid(),
          episodeNumber: z.number().int(),
          title: z.string().nullable(),
          plot: z.string().nullable(),
          aired: z.string().nullable(),
          runtime: z.number().int().nullable(),
          videoPath: z.string(),
          nfoPath: z.string().nullable(),
          unreadableNfoPath: z.string().nullable(),
          ids,
        }),
      ),
    }),
  ),
  ...children,
});

/** Every column of the episode, its ids grouped, and its media files. */
export const episodeDetailBody = z.looseObject({
  id: z.uuid(),
  showId: z.uuid(),
  seasonNumber: z.number().int(),
  episodeNumber: z.number().int(),
  videoPath: z.string(),
  ids,
  mediaFiles: z.array(mediaFile),
});
