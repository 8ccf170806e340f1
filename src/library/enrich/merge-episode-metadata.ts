import type { Episode } from '../../db/schema/index.js';
import type { ProviderEpisode } from '../../providers/types.js';

/** The episode columns enrichment may fill from a provider's season. */
export interface ProviderEpisodeUpdate {
  title?: string;
  plot?: string;
  aired?: string;
  runtime?: number;
  tmdbId?: number;
  tvdbId?: number;
  imdbId?: string;
}

type EpisodeFields = Pick<Episode, 'title' | 'plot' | 'aired' | 'runtime' | 'tmdbId' | 'tvdbId' | 'imdbId'>;

/**
 * What a provider's episode adds to a library episode: only what the episode lacks. A video scanned
 * without an NFO has its numbers and nothing else; what an episode NFO says (perhaps a person's edit in
 * Kodi or Sonarr) is kept, as episodes have no per-field locks.
 */
export function fillEpisodeFromProvider(episode: EpisodeFields, provided: ProviderEpisode): ProviderEpisodeUpdate {
  const update: ProviderEpisodeUpdate = {};
  if (!episode.title && provided.title) update.title = provided.title;
  if (!episode.plot && provided.plot) update.plot = provided.plot;
  if (!episode.aired && provided.airDate) update.aired = provided.airDate;
  if (episode.runtime === null && provided.runtime) update.runtime = provided.runtime;
  if (episode.tmdbId === null && provided.externalIds.tmdb !== undefined) update.tmdbId = provided.externalIds.tmdb;
  if (episode.tvdbId === null && provided.externalIds.tvdb !== undefined) update.tvdbId = provided.externalIds.tvdb;
  if (episode.imdbId === null && provided.externalIds.imdb !== undefined) update.imdbId = provided.externalIds.imdb;
  return update;
}
