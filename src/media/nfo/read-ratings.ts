import { readChildAttributes } from './read-child-attributes.js';
import type { ChildElementReader } from './element-reader.js';
import { differentSpelling, toDecimal, toFlag, toVoteCount, type Conversion } from './field-values.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';
import type { NfoRating, XmlElement } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/** Kodi's name for the rating of the legacy top-level `<rating>`. */
const LEGACY_RATING_NAME = 'default';
/** Kodi's scale when a rating names none. */
const DEFAULT_MAX = 10;

/**
 * `<ratings><rating name="imdb" max="10" default="true"><value>8.7</value><votes>…</votes></rating>`,
 * or the legacy top-level `<rating>`/`<votes>`, or Jellyfin's and Emby's `<communityrating>` (read only
 * when neither of the others is there). As in Kodi, the legacy pair is ignored when `<ratings>` exists:
 * tools that write both write the same value twice. A value outside 0…max (10 unless given) is an error
 * naming the field, like a value that is no number: the file is then reported and left as it is.
 */
export function readRatings(reader: ChildElementReader): NfoRating[] {
  const ratingsElement = reader.first('ratings');
  if (ratingsElement === undefined) return readLegacyRating(reader);

  reader.ignore('rating', 'votes');
  const ratingsReader = reader.nested(ratingsElement);
  return ratingsReader.elements('rating').flatMap((element) => {
    const ratingReader = ratingsReader.nested(element);
    // Some tools put the value straight into <rating> instead of into <value>.
    const raw = ratingReader.hasChildElements() ? ratingReader.text('value') : ratingReader.ownText();
    const max = ratingReader.convertedAttribute('max', toDecimal);
    const value =
      raw === undefined
        ? undefined
        : ratingReader.check(toRatingValue(raw, max), raw, ratingReader.hasChildElements() ? '<value>' : undefined);
    if (value === undefined || raw === undefined) return [];
    const votes = ratingReader.converted('votes', toVoteCount);
    const rating: NfoRating = withoutUndefined({
      name: ratingReader.attribute('name') ?? LEGACY_RATING_NAME,
      value,
      valueText: differentSpelling(raw, value),
      votes,
      max,
      isDefault: toFlag(element.attributes['default']),
      attributes: otherAttributes(element),
      elementAttributes: ratingReader.hasChildElements() ? readChildAttributes(ratingReader, { value, votes }) : undefined,
    });
    return [rating];
  });
}

function readLegacyRating(reader: ChildElementReader): NfoRating[] {
  const element = reader.first('rating');
  const votes = reader.converted('votes', toVoteCount);
  if (element === undefined) return readCommunityRating(reader);
  const ratingReader = reader.nested(element);
  const raw = ratingReader.ownText();
  if (raw === undefined) return [];
  const max = ratingReader.convertedAttribute('max', toDecimal);
  const value = ratingReader.check(toRatingValue(raw, max), raw);
  return [
    withoutUndefined({
      name: LEGACY_RATING_NAME,
      value,
      valueText: differentSpelling(raw, value),
      votes,
      max,
      isDefault: true,
      attributes: otherAttributes(element),
    }),
  ];
}

const MODELLED_RATING_ATTRIBUTES = new Set(['name', 'max', 'default']);

/** Attributes of a `<rating>` that no field models, kept so they are written back on it. */
function otherAttributes(element: XmlElement): Record<string, string> | undefined {
  return nonEmptyAttributes(
    Object.fromEntries(Object.entries(element.attributes).filter(([name]) => !MODELLED_RATING_ATTRIBUTES.has(name))),
  );
}

/**
 * Jellyfin/Emby's community rating (`7.4`, or `7,4` from a server in a decimal-comma locale). The element
 * is read but not marked as modelled, so it stays in the file for those servers, which read it back.
 */
function readCommunityRating(reader: ChildElementReader): NfoRating[] {
  const [element] = reader.peek('communityrating');
  if (element === undefined) return [];
  const ratingReader = reader.nested(element);
  const raw = ratingReader.ownText();
  if (raw === undefined) return [];
  const value = ratingReader.check(toRatingValue(raw, undefined), raw);
  return [withoutUndefined({ name: LEGACY_RATING_NAME, value, valueText: differentSpelling(raw, value), isDefault: true })];
}

function toRatingValue(raw: string, max: number | undefined): Conversion<number> {
  const conversion = toDecimal(raw);
  if (!conversion.ok) return conversion;
  const top = max ?? DEFAULT_MAX;
  if (conversion.value < 0 || conversion.value > top) return { ok: false, expected: `a rating from 0 to ${top}` };
  return conversion;
}
