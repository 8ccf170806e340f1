import type { ProviderSeason } from '../types.js';
import { mapTvdbArtworks } from './map-tvdb-artwork.js';
import { mapTvdbEpisode } from './map-tvdb-episode.js';
import type { TvdbSeasonExtended } from './tvdb-schemas.js';

/** One `/seasons/{id}/extended` record: the season, its episodes in order, and its own artwork. */
export function mapTvdbSeason(season: TvdbSeasonExtended): ProviderSeason {
  const episodes = season.episodes.map((episode) => mapTvdbEpisode(episode)).sort((a, b) => a.episodeNumber - b.episodeNumber);
  // The season record has no date of its own; its premiere is its earliest aired episode (ISO dates sort).
  const airDate = episodes
    .map((episode) => episode.airDate)
    .filter((date): date is string => date !== undefined)
    .sort()[0];
  return {
    provider: 'tvdb',
    externalIds: { tvdb: season.id },
    seasonNumber: season.number,
    ...(season.name ? { name: season.name } : {}),
    ...(airDate ? { airDate } : {}),
    episodes,
    // Everything in a season record belongs to this season, whatever seasonId the artwork carries.
    images: mapTvdbArtworks(season.artwork, () => season.number),
  };
}
