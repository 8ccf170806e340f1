import { z } from 'zod';
import { list, optionalNumber, optionalString } from '../http/schema-helpers.js';

// TVDB v4 wire format, reduced to the fields Reelflow reads (https://thetvdb.github.io/v4-api/).
// Every answer is wrapped as {status: "success", data: ...}.

export function tvdbEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: optionalString, data });
}

export const tvdbLoginSchema = tvdbEnvelope(z.looseObject({ token: z.string().min(1) }));

export const tvdbArtworkSchema = z.looseObject({
  image: z.string(),
  language: optionalString,
  type: z.number(),
  score: optionalNumber,
  width: optionalNumber,
  height: optionalNumber,
  seasonId: optionalNumber,
});

export const tvdbSeasonBaseSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  name: optionalString,
  image: optionalString,
  /** Which ordering the season belongs to: "official" (aired order), "dvd", "absolute", ... */
  type: z.looseObject({ type: optionalString, name: optionalString }).nullish(),
});

const tvdbTranslationSchema = z.looseObject({
  language: z.string(),
  name: optionalString,
  overview: optionalString,
  isAlias: z.boolean().nullish(),
});

export const tvdbTranslationsSchema = z.looseObject({
  nameTranslations: list(tvdbTranslationSchema),
  overviewTranslations: list(tvdbTranslationSchema),
});

const tvdbRemoteIdSchema = z.looseObject({ id: z.string(), sourceName: optionalString });

export const tvdbCharacterSchema = z.looseObject({
  /** The character's name (the role). */
  name: optionalString,
  personName: optionalString,
  /** "Actor", "Director", "Writer", "Creator", "Guest Star", ... */
  peopleType: optionalString,
  sort: optionalNumber,
  image: optionalString,
  personImgURL: optionalString,
});

// TVDB sends years as strings ("2008"); accept numbers too rather than fail on a harmless change.
const tvdbYearSchema = z.union([z.string(), z.number()]).nullish();

export const tvdbSeriesExtendedSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  firstAired: optionalString,
  year: tvdbYearSchema,
  overview: optionalString,
  averageRuntime: optionalNumber,
  originalCountry: optionalString,
  status: z.looseObject({ name: optionalString }).nullish(),
  genres: list(z.looseObject({ name: z.string() })),
  originalNetwork: z.looseObject({ name: z.string() }).nullish(),
  latestNetwork: z.looseObject({ name: z.string() }).nullish(),
  artworks: list(tvdbArtworkSchema),
  characters: list(tvdbCharacterSchema),
  remoteIds: list(tvdbRemoteIdSchema),
  seasons: list(tvdbSeasonBaseSchema),
  trailers: list(z.looseObject({ name: optionalString, url: z.string() })),
  contentRatings: list(z.looseObject({ name: z.string(), country: z.string() })),
  translations: tvdbTranslationsSchema.nullish(),
});

export const tvdbEpisodeBaseSchema = z.looseObject({
  id: z.number(),
  name: optionalString,
  aired: optionalString,
  runtime: optionalNumber,
  overview: optionalString,
  image: optionalString,
  number: z.number(),
  seasonNumber: z.number(),
  absoluteNumber: optionalNumber,
});

export const tvdbEpisodeExtendedSchema = tvdbEpisodeBaseSchema.extend({
  remoteIds: list(tvdbRemoteIdSchema),
  translations: tvdbTranslationsSchema.nullish(),
});

export const tvdbSeasonExtendedSchema = z.looseObject({
  id: z.number(),
  number: z.number(),
  name: optionalString,
  episodes: list(tvdbEpisodeBaseSchema),
  /** Singular in the season record, unlike the series record's `artworks`. */
  artwork: list(tvdbArtworkSchema),
});

export const tvdbSeriesArtworksSchema = z.looseObject({
  id: z.number(),
  artworks: list(tvdbArtworkSchema),
  seasons: list(tvdbSeasonBaseSchema),
});

export type TvdbArtwork = z.output<typeof tvdbArtworkSchema>;
export type TvdbSeasonBase = z.output<typeof tvdbSeasonBaseSchema>;
export type TvdbTranslations = z.output<typeof tvdbTranslationsSchema>;
export type TvdbCharacter = z.output<typeof tvdbCharacterSchema>;
export type TvdbSeriesExtended = z.output<typeof tvdbSeriesExtendedSchema>;
export type TvdbEpisodeBase = z.output<typeof tvdbEpisodeBaseSchema>;
export type TvdbEpisodeExtended = z.output<typeof tvdbEpisodeExtendedSchema>;
export type TvdbSeasonExtended = z.output<typeof tvdbSeasonExtendedSchema>;
export type TvdbSeriesArtworks = z.output<typeof tvdbSeriesArtworksSchema>;
