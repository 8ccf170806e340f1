import type { ChildElementReader } from './element-reader.js';
import { toFlag } from './field-values.js';
import type { NfoUniqueId, NfoUniqueIdType, XmlElement } from './types.js';

const IMDB_ID = /^tt\d+$/;

/**
 * Jellyfin, Emby and older tools write one element per provider instead of `<uniqueid type="…">`, in any
 * case (`imdbid`, `imdbId`, `IMDB_ID`; Jellyfin writes `imdb_id` on shows and `collectionnumber` for a TMDB
 * collection). Matched without regard to case or underscores.
 */
const LEGACY_ID_ELEMENTS: ReadonlyArray<readonly [normalizedName: string, type: NfoUniqueIdType]> = [
  ['imdbid', 'imdb'],
  ['tmdbid', 'tmdb'],
  ['tvdbid', 'tvdb'],
  ['tmdbcollectionid', 'tmdbcol'],
  ['collectionnumber', 'tmdbcol'],
];

/** Emby's and MediaBrowser's `<id IMDB="tt…" TMDB="…" TVDB="…">` carries ids as attributes. */
const ID_ATTRIBUTES: ReadonlyArray<readonly [attribute: string, type: NfoUniqueIdType]> = [
  ['imdb', 'imdb'],
  ['tmdb', 'tmdb'],
  ['tvdb', 'tvdb'],
];

/**
 * `<uniqueid type="tmdb" default="true">603</uniqueid>` elements, every type kept (`tmdbcol`, `sonarr`, …),
 * plus the legacy forms. Like Kodi, a bare `<id>` counts only when there is no `<uniqueid>` (Kodi writes
 * `<id>` as a copy of the default). Its provider is not named, so it is inferred: IMDb ids look like
 * `tt0133093`, and a number is the provider that scrapers of this kind used (TMDB for movies, TVDB for shows
 * and episodes). Every id read from a legacy form is written back as a `<uniqueid>`, which Kodi, Jellyfin
 * and Emby all read, so the legacy element itself is not kept.
 */
export function readUniqueIds(reader: ChildElementReader, numericLegacyIdType: NfoUniqueIdType): NfoUniqueId[] {
  const uniqueIds: NfoUniqueId[] = [];
  for (const element of reader.elements('uniqueid')) {
    const uniqueIdReader = reader.nested(element);
    const value = uniqueIdReader.ownText();
    if (value === undefined) continue;
    const type = (uniqueIdReader.attribute('type') ?? 'unknown').toLowerCase();
    const others = Object.entries(element.attributes).filter(([name]) => name !== 'type' && name !== 'default');
    const attributes = others.length > 0 ? { attributes: Object.fromEntries(others) } : {};
    uniqueIds.push({ type, value, isDefault: toFlag(element.attributes['default']), ...attributes });
  }
  const add = (type: NfoUniqueIdType, value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed && !uniqueIds.some((id) => id.type === type)) uniqueIds.push({ type, value: trimmed, isDefault: false });
  };

  const idElement = reader.first('id');
  if (idElement !== undefined) {
    const idReader = reader.nested(idElement);
    const legacyId = idReader.ownText();
    if (legacyId !== undefined && uniqueIds.length === 0) {
      uniqueIds.push({ type: IMDB_ID.test(legacyId) ? 'imdb' : numericLegacyIdType, value: legacyId, isDefault: true });
    }
    for (const [attribute, type] of ID_ATTRIBUTES) add(type, attributeIgnoringCase(idElement, attribute));
  }

  for (const [name, type] of LEGACY_ID_ELEMENTS) {
    for (const element of reader.elementsIgnoringCase(name)) add(type, reader.nested(element).ownText());
  }
  return uniqueIds;
}

function attributeIgnoringCase(element: XmlElement, name: string): string | undefined {
  const key = Object.keys(element.attributes).find((attribute) => attribute.toLowerCase() === name);
  return key === undefined ? undefined : element.attributes[key];
}
