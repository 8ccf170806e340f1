import type { Identification } from '../media/title-scan/types.js';
import type { ExternalIds } from '../contracts/external-ids.js';

/**
 * Ranks a Radarr/Sonarr webhook's ids against what the folder itself says. A person's word comes first: an
 * NFO's uniqueids or an id tag in the folder name are kept as they are (and a manual identification is
 * kept by the title writer); the *arr's ids only identify a folder that names none, so enrichment goes
 * straight to the title the *arr imported instead of searching by folder name.
 */
export function withArrIdentification(scanned: Identification, arrIds: ExternalIds | undefined): Identification {
  if (scanned.source !== 'folder-name' || !arrIds) return scanned;
  const ids: ExternalIds = {};
  if (arrIds.tmdb) ids.tmdb = arrIds.tmdb;
  if (arrIds.imdb) ids.imdb = arrIds.imdb;
  if (arrIds.tvdb) ids.tvdb = arrIds.tvdb;
  if (Object.keys(ids).length === 0) return scanned;
  return { ...scanned, status: 'identified', source: 'arr', ids };
}
