import { dateOrUndefined, textOrUndefined, yearOf } from '../http/dates.js';
import type { ProviderSeasonSummary, ProviderShowDetails } from '../types.js';
import { isAiredOrder, mapTvdbArtworks, seasonMainPosters, seasonNumberLookup, uniqueByUrl } from './map-tvdb-artwork.js';
import { mapTvdbCast, mapTvdbCrew, mapTvdbTrailers } from './map-tvdb-people.js';
import { externalIdsFromRemoteIds } from './tvdb-remote-ids.js';
import type { TvdbSeriesExtended } from './tvdb-schemas.js';
import { pickTvdbTranslation } from './tvdb-translation.js';

export interface TvdbSeriesMappingOptions {
  /** ISO 639-2 language of the title and plot, e.g. "eng". */
  language: string;
  /** TVDB's lower-case ISO 3166-1 alpha-3 country for the certification, e.g. "usa". */
  certificationCountry: string;
}

/** One `/series/{id}/extended?meta=translations` record as normalised metadata, artwork and seasons. */
export function mapTvdbSeries(series: TvdbSeriesExtended, options: TvdbSeriesMappingOptions): ProviderShowDetails {
  const translated = pickTvdbTranslation(series.translations, options.language);
  const title = translated.name ?? series.name;
  const premiered = dateOrUndefined(series.firstAired);
  const year = yearOf(premiered) ?? yearOf(series.year?.toString());
  const plot = translated.overview ?? textOrUndefined(series.overview);
  const certification = series.contentRatings.find(
    (rating) => rating.country.toLowerCase() === options.certificationCountry.toLowerCase(),
  )?.name;
  const studios = [series.originalNetwork?.name, series.latestNetwork?.name].filter((name): name is string => !!name);
  const status = series.status?.name ?? undefined;
  return {
    metadata: {
      provider: 'tvdb',
      externalIds: { ...externalIdsFromRemoteIds(series.remoteIds), tvdb: series.id },
      title,
      // `name` is the show's name in its original language; worth keeping only when it differs.
      ...(series.name !== title ? { originalTitle: series.name } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(premiered ? { premiered } : {}),
      ...(plot ? { plot } : {}),
      ...(series.averageRuntime ? { runtime: series.averageRuntime } : {}),
      genres: series.genres.map((genre) => genre.name),
      studios: [...new Set(studios)],
      // TVDB gives an alpha-3 code ("usa"), not a name; upper-cased it reads as the code it is.
      countries: series.originalCountry ? [series.originalCountry.toUpperCase()] : [],
      tags: [],
      ...(certification ? { certification } : {}),
      // TVDB's `score` counts list additions, not votes out of 10, so it is not reported as a rating.
      ratings: [],
      cast: mapTvdbCast(series.characters),
      crew: mapTvdbCrew(series.characters),
      trailers: mapTvdbTrailers(series.trailers),
      ...(status ? { status } : {}),
    },
    images: uniqueByUrl([...mapTvdbArtworks(series.artworks, seasonNumberLookup(series.seasons)), ...seasonMainPosters(series.seasons)]),
    seasons: seasonSummaries(series),
  };
}

function seasonSummaries(series: TvdbSeriesExtended): ProviderSeasonSummary[] {
  return series.seasons
    .filter(isAiredOrder)
    .map((season) => ({
      seasonNumber: season.number,
      providerSeasonId: season.id,
      ...(season.name ? { name: season.name } : {}),
    }))
    .sort((a, b) => a.seasonNumber - b.seasonNumber);
}
