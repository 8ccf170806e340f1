import type { ChildElementReader } from './element-reader.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';
import type { NfoRating } from './types.js';

/** The single-valued elements of a root that the readers model, of every kind. */
const SINGLE_VALUED = [
  'title',
  'originaltitle',
  'showtitle',
  'sorttitle',
  'userrating',
  'season',
  'episode',
  'displayseason',
  'displayepisode',
  'outline',
  'plot',
  'tagline',
  'runtime',
  'mpaa',
  'episodeguide',
  'premiered',
  'year',
  'status',
  'aired',
  'trailer',
];

/**
 * Attributes of the modelled single-valued elements of a root (`<title lang="en">`) and of `<ratings>`, by
 * name, so they are written back on the element. Call it after every field was read: an element no field
 * took is kept whole in `extra`, attributes included, and is left out here. `<ratings>` is written only
 * when it holds a rating, so its attributes are kept only then.
 */
export function readElementAttributes(
  reader: ChildElementReader,
  ratings: readonly NfoRating[],
): Record<string, Record<string, string>> | undefined {
  const unmodelled = new Set(reader.unmodelled().map((element) => element.name));
  const found = SINGLE_VALUED.flatMap((name) => {
    const [first] = reader.peek(name);
    // An empty element is not written back, so neither are its attributes.
    const written =
      first !== undefined && !unmodelled.has(name) && first.children.some((child) => typeof child !== 'string' || child.trim() !== '');
    const attributes = written ? nonEmptyAttributes(first.attributes) : undefined;
    return attributes === undefined ? [] : [[name, attributes] as const];
  });
  const [ratingsElement] = reader.peek('ratings');
  const ratingsAttributes =
    ratingsElement === undefined || ratings.length === 0 ? undefined : nonEmptyAttributes(ratingsElement.attributes);
  if (ratingsAttributes !== undefined) found.push(['ratings', ratingsAttributes]);
  return found.length > 0 ? Object.fromEntries(found) : undefined;
}
