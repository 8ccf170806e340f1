import type { ChildElementReader } from './element-reader.js';
import { toInteger, toIsoDate } from './field-values.js';
import { readCommonFields } from './read-common-fields.js';
import { readElementAttributes } from './read-element-attributes.js';
import type { EpisodeNfo } from './types.js';
import { withoutUndefined } from './without-undefined.js';

export function readEpisode(reader: ChildElementReader): EpisodeNfo {
  const common = readCommonFields(reader, 'tvdb');
  return withoutUndefined({
    ...common,
    showTitle: reader.text('showtitle'),
    season: reader.converted('season', toInteger),
    episode: reader.converted('episode', toInteger),
    displaySeason: reader.converted('displayseason', toInteger),
    displayEpisode: reader.converted('displayepisode', toInteger),
    aired: reader.converted('aired', toIsoDate),
    elementAttributes: readElementAttributes(reader, common.ratings),
    extra: reader.unmodelled(),
  });
}
