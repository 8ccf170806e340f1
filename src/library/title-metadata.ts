import type { NfoCommonFields } from '../media/nfo/index.js';
import type { Identification } from '../media/title-scan/types.js';
import type { ExternalIds } from '../contracts/external-ids.js';
import { lockableMovieFields, type LockableMovieField, type RatingValue } from '../db/schema/index.js';

/** The metadata columns a scan sets on a movie or show, from its NFO, else from its folder name. */
export interface ScannedMetadata {
  title: string;
  originalTitle: string | null;
  sortTitle: string | null;
  year: number | null;
  premiered: string | null;
  plot: string | null;
  outline: string | null;
  tagline: string | null;
  runtime: number | null;
  mpaa: string | null;
  genres: string[];
  countries: string[];
  studios: string[];
  tags: string[];
  directors: string[];
  credits: string[];
  ratings: RatingValue[];
  tmdbId: number | null;
  imdbId: string | null;
  tvdbId: number | null;
  identificationStatus: Identification['status'];
  identificationSource: Identification['source'];
}

export function metadataFromScan(nfo: NfoCommonFields | undefined, identification: Identification): ScannedMetadata {
  return {
    title: nfo?.title ?? identification.parsedTitle,
    originalTitle: nfo?.originalTitle ?? null,
    sortTitle: nfo?.sortTitle ?? null,
    year: nfo?.year ?? identification.parsedYear ?? null,
    premiered: nfo?.premiered ?? null,
    plot: nfo?.plot ?? null,
    outline: nfo?.outline ?? null,
    tagline: nfo?.tagline ?? null,
    runtime: nfo?.runtime ?? null,
    mpaa: nfo?.mpaa ?? null,
    genres: nfo?.genres ?? [],
    countries: nfo?.countries ?? [],
    studios: nfo?.studios ?? [],
    tags: nfo?.tags ?? [],
    directors: nfo?.directors ?? [],
    credits: nfo?.credits ?? [],
    ratings: nfo?.ratings ?? [],
    ...idColumns(identification.ids),
    identificationStatus: identification.status,
    identificationSource: identification.source,
  };
}

export function idColumns(ids: ExternalIds): { tmdbId: number | null; imdbId: string | null; tvdbId: number | null } {
  return { tmdbId: ids.tmdb ?? null, imdbId: ids.imdb ?? null, tvdbId: ids.tvdb ?? null };
}

/** The update a rescan may make: every scanned value except those a person has locked. */
export function withoutLockedFields<T extends Partial<Record<LockableMovieField, unknown>>>(
  values: T,
  existing: Partial<Record<`${LockableMovieField}Locked`, boolean>>,
): Partial<T> {
  const update: Partial<T> = { ...values };
  for (const field of lockableMovieFields) {
    if (existing[`${field}Locked`]) delete update[field];
  }
  return update;
}
