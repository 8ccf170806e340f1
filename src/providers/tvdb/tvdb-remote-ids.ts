import type { ExternalIds } from '../../contracts/external-ids.js';

/** IMDb and TMDB ids from TVDB's `remoteIds`, which name their source in free text ("IMDB", "TheMovieDB.com"). */
export function externalIdsFromRemoteIds(remoteIds: readonly { id: string; sourceName?: string | null }[]): ExternalIds {
  const ids: ExternalIds = {};
  for (const remote of remoteIds) {
    const source = remote.sourceName?.toLowerCase() ?? '';
    if (source === 'imdb' && /^tt\d+$/.test(remote.id)) ids.imdb ??= remote.id;
    if (source.includes('themoviedb') && /^\d+$/.test(remote.id)) ids.tmdb ??= Number(remote.id);
  }
  return ids;
}
