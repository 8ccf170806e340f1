import type { NfoUniqueId } from '../nfo/index.js';
import { parseFolderName } from '../title-names.js';
import type { Identification } from './types.js';
import type { ExternalIds } from '../../contracts/external-ids.js';

const IMDB_ID = /^tt\d{7,}$/i;
const NUMERIC_ID = /^[1-9]\d*$/;
/** Ids are stored in Postgres `integer` columns; a larger "id" is no id any provider has. */
const MAX_NUMERIC_ID = 2_147_483_647;
const isNumericId = (text: string) => NUMERIC_ID.test(text) && Number(text) <= MAX_NUMERIC_ID;

/**
 * Who the title is, from the most trusted source that names an id: the NFO's uniqueids, else the id tags of
 * the folder name (`{tmdb-603}`, `[imdbid-tt0133093]`), else only the title and year the name spells.
 * Sources are not mixed, so `source` says where every id came from. `name` is the folder name, or a loose
 * movie file's name without its extension.
 */
export function identifyTitle(name: string, nfoUniqueIds: readonly NfoUniqueId[] | undefined): Identification {
  const parsed = parseFolderName(name);
  const fromName = { parsedTitle: parsed.title, ...(parsed.year === undefined ? {} : { parsedYear: parsed.year }) };
  const nfoIds = nfoUniqueIds ? idsFromUniqueIds(nfoUniqueIds) : {};
  if (hasAnyId(nfoIds)) return { status: 'identified', source: 'nfo', ids: nfoIds, ...fromName };
  if (hasAnyId(parsed.ids)) return { status: 'identified', source: 'folder-tag', ids: parsed.ids, ...fromName };
  return { status: 'unidentified', source: 'folder-name', ids: {}, ...fromName };
}

/**
 * The tmdb, imdb and tvdb ids of an NFO. When a type appears more than once, the one marked default wins,
 * else the first in the file; values that cannot be such an id (`tmdb` "abc") are passed over.
 */
export function idsFromUniqueIds(uniqueIds: readonly NfoUniqueId[]): ExternalIds {
  const defaultFirst = [...uniqueIds.filter((id) => id.isDefault), ...uniqueIds.filter((id) => !id.isDefault)];
  const ids: ExternalIds = {};
  for (const { type, value } of defaultFirst) {
    const trimmed = value.trim();
    if (type === 'imdb' && ids.imdb === undefined && IMDB_ID.test(trimmed)) ids.imdb = trimmed.toLowerCase();
    if (type === 'tmdb' && ids.tmdb === undefined && isNumericId(trimmed)) ids.tmdb = Number(trimmed);
    if (type === 'tvdb' && ids.tvdb === undefined && isNumericId(trimmed)) ids.tvdb = Number(trimmed);
  }
  return ids;
}

function hasAnyId(ids: ExternalIds): boolean {
  return ids.tmdb !== undefined || ids.imdb !== undefined || ids.tvdb !== undefined;
}
