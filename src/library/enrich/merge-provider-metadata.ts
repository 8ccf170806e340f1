import type { LockableMovieField, RatingValue } from '../../db/schema/index.js';
import type { ProviderMetadata } from '../../providers/types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';
import { withoutLockedFields } from '../title-metadata.js';

/** The title columns enrichment may set from provider metadata. */
export interface ProviderTitleUpdate {
  title?: string;
  originalTitle?: string;
  year?: number;
  premiered?: string;
  plot?: string;
  tagline?: string;
  runtime?: number;
  mpaa?: string;
  genres?: string[];
  countries?: string[];
  studios?: string[];
  tags?: string[];
  directors?: string[];
  credits?: string[];
  setName?: string;
  ratings?: RatingValue[];
  tmdbId?: number;
  imdbId?: string;
  tvdbId?: number;
}

/**
 * What the providers' metadata changes on a title: the first provider in the given order that has a value
 * wins each field, an empty provider value never erases what the title has, ratings are merged by source,
 * and fields a person locked are left out entirely.
 */
export function mergeProviderMetadata(
  answers: readonly ProviderMetadata[],
  existing: { ratings: RatingValue[] } & Partial<Record<`${LockableMovieField}Locked`, boolean>>,
  options: { isShow: boolean },
): ProviderTitleUpdate {
  const first = <T>(pick: (m: ProviderMetadata) => T | undefined): T | undefined => {
    for (const answer of answers) {
      const value = pick(answer);
      if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) return value;
    }
    return undefined;
  };
  const update: ProviderTitleUpdate = {
    title: first((m) => m.title),
    originalTitle: first((m) => m.originalTitle),
    year: first((m) => m.year),
    premiered: first((m) => m.premiered),
    plot: first((m) => m.plot),
    tagline: first((m) => m.tagline),
    runtime: first((m) => m.runtime),
    mpaa: first((m) => m.certification),
    genres: first((m) => m.genres),
    countries: first((m) => m.countries),
    studios: first((m) => m.studios),
    tags: first((m) => m.tags),
    directors: first((m) => unique(m.crew.filter((c) => c.job === 'Director').map((c) => c.name))),
    credits: first((m) => unique(m.crew.filter((c) => c.department === 'Writing').map((c) => c.name))),
    ...(options.isShow ? {} : { setName: first((m) => m.collection?.name) }),
    ...idsOf(answers.map((a) => a.externalIds)),
  };
  const ratings = mergeRatings(
    existing.ratings,
    answers.flatMap((a) => a.ratings),
  );
  if (ratings) update.ratings = ratings;
  for (const key of Object.keys(update) as (keyof ProviderTitleUpdate)[]) if (update[key] === undefined) delete update[key];
  return withoutLockedFields(update, existing) as ProviderTitleUpdate;
}

function idsOf(all: readonly ExternalIds[]): Pick<ProviderTitleUpdate, 'tmdbId' | 'imdbId' | 'tvdbId'> {
  const ids: Pick<ProviderTitleUpdate, 'tmdbId' | 'imdbId' | 'tvdbId'> = {};
  for (const external of all) {
    ids.tmdbId ??= external.tmdb;
    ids.imdbId ??= external.imdb;
    ids.tvdbId ??= external.tvdb;
  }
  return ids;
}

/** Provider ratings replace the same source's old value; other sources (from an NFO) stay. The default stays where it was. */
function mergeRatings(
  existing: readonly RatingValue[],
  fromProviders: readonly { name: string; value: number; votes: number }[],
): RatingValue[] | undefined {
  if (fromProviders.length === 0) return undefined;
  const merged = new Map(existing.map((r) => [r.name, { ...r }]));
  for (const rating of fromProviders) {
    const old = merged.get(rating.name);
    merged.set(rating.name, { name: rating.name, value: rating.value, votes: rating.votes, max: 10, isDefault: old?.isDefault ?? false });
  }
  const ratings = [...merged.values()];
  if (!ratings.some((r) => r.isDefault)) ratings[0]!.isDefault = true;
  return ratings;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
