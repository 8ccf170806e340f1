import type { ChildElementReader } from './element-reader.js';
import { readCommonFields } from './read-common-fields.js';
import { readChildAttributes } from './read-child-attributes.js';
import { readElementAttributes } from './read-element-attributes.js';
import { nonEmptyList } from './read-people-and-artwork.js';
import type { MovieNfo, NfoSet } from './types.js';
import { withoutUndefined } from './without-undefined.js';

export function readMovie(reader: ChildElementReader): MovieNfo {
  const common = readCommonFields(reader, 'tmdb');
  const set = readSet(reader);
  return withoutUndefined({ ...common, set, elementAttributes: readElementAttributes(reader, common.ratings), extra: reader.unmodelled() });
}

/**
 * `<set><name/><overview/></set>`, or the legacy `<set>Name</set>`; attributes (`tmdbcolid="…"`), those of
 * `<name>` and `<overview>`, and other children are kept.
 */
function readSet(reader: ChildElementReader): NfoSet | undefined {
  const element = reader.first('set');
  if (element === undefined) return undefined;
  const setReader = reader.nested(element);
  const attributes = Object.keys(element.attributes).length > 0 ? { ...element.attributes } : undefined;
  if (!setReader.hasChildElements()) {
    const name = setReader.ownText();
    return name === undefined ? undefined : withoutUndefined({ name, attributes });
  }
  const values = { name: setReader.text('name'), overview: setReader.text('overview') };
  if (values.name === undefined) return undefined;
  return withoutUndefined({
    name: values.name,
    overview: values.overview,
    attributes,
    elementAttributes: readChildAttributes(setReader, values),
    extra: nonEmptyList(setReader.unmodelled()),
  });
}
