import type { ChildElementReader } from './element-reader.js';
import { toInteger } from './field-values.js';
import { readCommonFields } from './read-common-fields.js';
import { readElementAttributes } from './read-element-attributes.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';
import type { NfoNamedSeason, TvShowNfo } from './types.js';
import { withoutUndefined } from './without-undefined.js';

export function readTvShow(reader: ChildElementReader): TvShowNfo {
  const common = readCommonFields(reader, 'tvdb');
  return withoutUndefined({
    ...common,
    seasonCount: reader.converted('season', toInteger),
    episodeCount: reader.converted('episode', toInteger),
    status: reader.text('status'),
    episodeGuide: readEpisodeGuideText(reader),
    namedSeasons: readNamedSeasons(reader),
    elementAttributes: readElementAttributes(reader, common.ratings),
    extra: reader.unmodelled(),
  });
}

/** Only the text forms are modelled; the `<url>` form is left unread, so it is kept verbatim in `extra`. */
function readEpisodeGuideText(reader: ChildElementReader): string | undefined {
  const [element] = reader.peek('episodeguide');
  if (element === undefined || reader.nested(element).hasChildElements()) return undefined;
  return reader.text('episodeguide');
}

/** `<namedseason number="1">Name</namedseason>`; other attributes are kept. */
function readNamedSeasons(reader: ChildElementReader): NfoNamedSeason[] {
  return reader.elements('namedseason').flatMap((element) => {
    const seasonReader = reader.nested(element);
    const name = seasonReader.ownText();
    const number = seasonReader.convertedAttribute('number', toInteger);
    if (number === undefined) return seasonReader.fail('needs a "number" attribute');
    const { number: _number, ...others } = element.attributes;
    return name === undefined ? [] : [withoutUndefined({ number, name, attributes: nonEmptyAttributes(others) })];
  });
}
