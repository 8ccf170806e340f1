import { dateOrUndefined, textOrUndefined } from '../http/dates.js';
import type { ProviderEpisode } from '../types.js';
import { tvdbImageUrl } from './tvdb-image-url.js';
import { externalIdsFromRemoteIds } from './tvdb-remote-ids.js';
import type { TvdbEpisodeBase, TvdbEpisodeExtended } from './tvdb-schemas.js';
import { pickTvdbTranslation } from './tvdb-translation.js';

/** What only the extended episode record adds, used when we have it. */
export interface TvdbEpisodeExtras {
  remoteIds: TvdbEpisodeExtended['remoteIds'];
  translations: TvdbEpisodeExtended['translations'];
  /** ISO 639-2 language wanted for title and plot. */
  language: string;
}

/**
 * An episode record as a normalised episode. TVDB leaves `name` null when the episode has no title in its
 * original language; the title is then "" so callers can tell "untitled" from a real title.
 */
export function mapTvdbEpisode(episode: TvdbEpisodeBase, extras?: TvdbEpisodeExtras): ProviderEpisode {
  const translated = extras ? pickTvdbTranslation(extras.translations, extras.language) : {};
  const remoteIds = extras ? externalIdsFromRemoteIds(extras.remoteIds) : {};
  const airDate = dateOrUndefined(episode.aired);
  const plot = translated.overview ?? textOrUndefined(episode.overview);
  return {
    provider: 'tvdb',
    externalIds: { ...remoteIds, tvdb: episode.id },
    seasonNumber: episode.seasonNumber,
    episodeNumber: episode.number,
    ...(episode.absoluteNumber ? { absoluteNumber: episode.absoluteNumber } : {}),
    title: translated.name ?? episode.name?.trim() ?? '',
    ...(airDate ? { airDate } : {}),
    ...(plot ? { plot } : {}),
    ...(episode.runtime ? { runtime: episode.runtime } : {}),
    ...(episode.image ? { thumbUrl: tvdbImageUrl(episode.image) } : {}),
  };
}
