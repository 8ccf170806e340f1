import type { ChildElementReader } from './element-reader.js';
import { toInteger, toIsoDate } from './field-values.js';
import { readThumbs } from './read-people-and-artwork.js';
import { readUniqueIds } from './read-unique-ids.js';
import type { SeasonNfo } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/** A `season.nfo` in a season folder, as Kodi's wiki, Jellyfin and Emby write it. */
export function readSeason(reader: ChildElementReader): SeasonNfo {
  return withoutUndefined({
    seasonNumber: reader.converted('seasonnumber', toInteger),
    title: reader.text('title'),
    sortTitle: reader.text('sorttitle'),
    plot: reader.text('plot'),
    outline: reader.text('outline'),
    premiered: reader.converted('premiered', toIsoDate),
    year: reader.converted('year', toInteger),
    thumbs: readThumbs(reader),
    uniqueIds: readUniqueIds(reader, 'tvdb'),
    extra: reader.unmodelled(),
  });
}
