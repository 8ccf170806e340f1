import type { ChildElementReader } from './element-reader.js';
import { toFlag } from './field-values.js';
import type { NfoUniqueId, NfoUniqueIdType } from './types.js';

const IMDB_ID = /^tt\d+$/;

// Emby, Jellyfin and older tools write one element per provider instead of `<uniqueid type="…">`.
const LEGACY_ID_ELEMENTS: ReadonlyArray<readonly [element: string, type: NfoUniqueIdType]> = [
  ['imdbid', 'imdb'],
  ['tmdbid', 'tmdb'],
  ['tvdbid', 'tvdb'],
];

/**
 * `<uniqueid type="tmdb" default="true">603</uniqueid>` elements, plus the legacy forms. Like Kodi, a
 * bare `<id>` counts only when there is no `<uniqueid>` (Kodi writes `<id>` as a copy of the default).
 * Its provider is not named, so it is inferred: IMDb ids look like `tt0133093`, and a number is the
 * provider that scrapers of this kind used (TMDB for movies, TVDB for shows and episodes).
 */
export function readUniqueIds(reader: ChildElementReader, numericLegacyIdType: NfoUniqueIdType): NfoUniqueId[] {
  const uniqueIds: NfoUniqueId[] = [];
  for (const element of reader.elements('uniqueid')) {
    const uniqueIdReader = reader.nested(element);
    const value = uniqueIdReader.ownText();
    if (value === undefined) continue;
    const type = (uniqueIdReader.attribute('type') ?? 'unknown').toLowerCase();
    uniqueIds.push({ type, value, isDefault: toFlag(element.attributes['default']) });
  }

  const legacyId = reader.text('id');
  if (legacyId !== undefined && uniqueIds.length === 0) {
    uniqueIds.push({ type: IMDB_ID.test(legacyId) ? 'imdb' : numericLegacyIdType, value: legacyId, isDefault: true });
  }

  for (const [element, type] of LEGACY_ID_ELEMENTS) {
    const value = reader.text(element);
    if (value !== undefined && !uniqueIds.some((id) => id.type === type)) {
      uniqueIds.push({ type, value, isDefault: false });
    }
  }
  return uniqueIds;
}
