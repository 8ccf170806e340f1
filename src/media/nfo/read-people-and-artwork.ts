import type { ChildElementReader } from './element-reader.js';
import { toInteger } from './field-values.js';
import type { NfoActor, NfoThumb } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/** `<actor><name/><role/><order/><thumb/></actor>`; an actor without a name is skipped, as Kodi does. */
export function readActors(reader: ChildElementReader): NfoActor[] {
  return reader.elements('actor').flatMap((element) => {
    const actorReader = reader.nested(element);
    const name = actorReader.text('name');
    if (name === undefined) return [];
    const actor: NfoActor = withoutUndefined({
      name,
      role: actorReader.text('role'),
      order: actorReader.converted('order', toInteger),
      thumb: actorReader.text('thumb'),
    });
    return [actor];
  });
}

/** Top-level `<thumb aspect="poster" …>url</thumb>` artwork references. */
export function readThumbs(reader: ChildElementReader): NfoThumb[] {
  return reader.elements('thumb').flatMap((element) => {
    const thumbReader = reader.nested(element);
    const url = thumbReader.ownText();
    if (url === undefined) return [];
    const thumb: NfoThumb = withoutUndefined({
      url,
      aspect: thumbReader.attribute('aspect'),
      type: thumbReader.attribute('type'),
      season: thumbReader.convertedAttribute('season', toInteger),
      preview: thumbReader.attribute('preview'),
    });
    return [thumb];
  });
}
