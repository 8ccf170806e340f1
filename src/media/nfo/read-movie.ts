import type { ChildElementReader } from './element-reader.js';
import { readCommonFields } from './read-common-fields.js';
import { readElementAttributes } from './read-element-attributes.js';
import type { MovieNfo, NfoSet } from './types.js';
import { withoutUndefined } from './without-undefined.js';

export function readMovie(reader: ChildElementReader): MovieNfo {
  const common = readCommonFields(reader, 'tmdb');
  const set = readSet(reader);
  return withoutUndefined({ ...common, set, elementAttributes: readElementAttributes(reader), extra: reader.unmodelled() });
}

/** `<set><name/><overview/></set>`, or the legacy `<set>Name</set>`; attributes (`tmdbcolid="…"`) are kept. */
function readSet(reader: ChildElementReader): NfoSet | undefined {
  const element = reader.first('set');
  if (element === undefined) return undefined;
  const setReader = reader.nested(element);
  const attributes = Object.keys(element.attributes).length > 0 ? { ...element.attributes } : undefined;
  if (!setReader.hasChildElements()) {
    const name = setReader.ownText();
    return name === undefined ? undefined : withoutUndefined({ name, attributes });
  }
  const name = setReader.text('name');
  return name === undefined ? undefined : withoutUndefined({ name, overview: setReader.text('overview'), attributes });
}
