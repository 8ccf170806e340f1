import type { ChildElementReader } from './element-reader.js';
import { differentSpelling, toDecimal, toInteger, toIsoDate, toRuntimeMinutes } from './field-values.js';
import { readFileInfo } from './read-file-info.js';
import { readListValues, readPeople } from './read-list-values.js';
import { nonEmptyList, readActors, readThumbs } from './read-people-and-artwork.js';
import { readRatings } from './read-ratings.js';
import { readUniqueIds } from './read-unique-ids.js';
import type { NfoCommonFields, NfoUniqueIdType } from './types.js';

/**
 * The fields all video NFO kinds share. `extra` is left to the caller, which can only know what is
 * unmodelled once its kind-specific fields have been read too.
 */
export function readCommonFields(reader: ChildElementReader, numericLegacyIdType: NfoUniqueIdType): Omit<NfoCommonFields, 'extra'> {
  const genres = readListValues(reader, 'genre');
  const countries = readListValues(reader, 'country');
  const tags = readListValues(reader, 'tag');
  const credits = readPeople(reader, 'credits', 'credits', 'writer');
  const directors = readPeople(reader, 'director', 'director');
  const studios = readListValues(reader, 'studio');
  const lists = [genres, countries, tags, credits, directors, studios];
  const userRating = reader.converted('userrating', toDecimal);
  const userRatingText = userRating === undefined ? undefined : differentSpelling(reader.text('userrating') ?? '', userRating);
  return {
    title: reader.text('title'),
    originalTitle: reader.text('originaltitle'),
    sortTitle: reader.text('sorttitle'),
    ratings: readRatings(reader),
    userRating,
    userRatingText,
    outline: reader.text('outline'),
    plot: reader.text('plot'),
    tagline: reader.text('tagline'),
    runtime: reader.converted('runtime', toRuntimeMinutes),
    thumbs: readThumbs(reader),
    mpaa: reader.text('mpaa'),
    uniqueIds: readUniqueIds(reader, numericLegacyIdType),
    genres: genres.values,
    countries: countries.values,
    tags: tags.values,
    credits: credits.values,
    directors: directors.values,
    premiered: reader.converted('premiered', toIsoDate),
    year: reader.converted('year', toInteger),
    studios: studios.values,
    valueAttributes: nonEmptyList(lists.flatMap((list) => list.attributes)),
    trailer: reader.text('trailer'),
    fileInfo: readFileInfo(reader),
    actors: readActors(reader),
  };
}
