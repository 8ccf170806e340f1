import type { ChildElementReader } from './element-reader.js';
import { toDecimal, toFlag, toVoteCount } from './field-values.js';
import type { NfoRating } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/** Kodi's name for the rating of the legacy top-level `<rating>`. */
const LEGACY_RATING_NAME = 'default';

/**
 * `<ratings><rating name="imdb" max="10" default="true"><value>8.7</value><votes>…</votes></rating>`,
 * or the legacy top-level `<rating>`/`<votes>`. As in Kodi, the legacy pair is ignored when `<ratings>`
 * exists: tools that write both write the same value twice.
 */
export function readRatings(reader: ChildElementReader): NfoRating[] {
  const ratingsElement = reader.first('ratings');
  if (ratingsElement === undefined) return readLegacyRating(reader);

  reader.ignore('rating', 'votes');
  const ratingsReader = reader.nested(ratingsElement);
  return ratingsReader.elements('rating').flatMap((element) => {
    const ratingReader = ratingsReader.nested(element);
    // Some tools put the value straight into <rating> instead of into <value>.
    const value = ratingReader.hasChildElements()
      ? ratingReader.converted('value', toDecimal)
      : ratingReader.convertedOwnText(toDecimal);
    if (value === undefined) return [];
    const rating: NfoRating = withoutUndefined({
      name: ratingReader.attribute('name') ?? LEGACY_RATING_NAME,
      value,
      votes: ratingReader.converted('votes', toVoteCount),
      max: ratingReader.convertedAttribute('max', toDecimal),
      isDefault: toFlag(element.attributes['default']),
    });
    return [rating];
  });
}

function readLegacyRating(reader: ChildElementReader): NfoRating[] {
  const element = reader.first('rating');
  const votes = reader.converted('votes', toVoteCount);
  if (element === undefined) return [];
  const ratingReader = reader.nested(element);
  const value = ratingReader.convertedOwnText(toDecimal);
  if (value === undefined) return [];
  return [
    withoutUndefined({
      name: LEGACY_RATING_NAME,
      value,
      votes,
      max: ratingReader.convertedAttribute('max', toDecimal),
      isDefault: true,
    }),
  ];
}
