import { nonEmptyAttributes } from './non-empty-attributes.js';
import type { ChildElementReader } from './element-reader.js';
import { readChildAttributes } from './read-child-attributes.js';
import { toInteger } from './field-values.js';
import type { NfoActor, NfoThumb } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/**
 * `<actor><name/><role/><type/><order/><thumb/></actor>`; an actor without a name is skipped, as Kodi does.
 * Jellyfin and Emby add `<type>` and write the order as `<sortorder>`. Other children (tinyMediaManager's
 * `<profile>` and `<tmdbid>`) and the element's attributes are kept as written.
 */
export function readActors(reader: ChildElementReader): NfoActor[] {
  return reader.elements('actor').flatMap((element) => {
    const actorReader = reader.nested(element);
    const name = personName(actorReader.text('name'));
    if (name === undefined) return [];
    const order = actorReader.converted('order', toInteger);
    const sortOrder = actorReader.converted('sortorder', toInteger);
    const values = {
      name,
      role: actorReader.text('role'),
      type: actorReader.text('type'),
      order: order ?? sortOrder,
      thumb: actorReader.text('thumb'),
    };
    const actor: NfoActor = withoutUndefined({
      ...values,
      attributes: nonEmptyAttributes(element.attributes),
      extra: nonEmptyList(actorReader.unmodelled()),
      // Jellyfin's <sortorder> is written back as <order>, with its attributes.
      elementAttributes: readChildAttributes(actorReader, values, { order: 'sortorder' }),
    });
    return [actor];
  });
}

/** A person's name without the trailing commas of lists pasted from web pages. */
export function personName(raw: string | undefined): string | undefined {
  const name = raw?.replace(/[\s,;]+$/u, '');
  return name === '' ? undefined : name;
}

const MODELLED_THUMB_ATTRIBUTES = new Set(['aspect', 'type', 'season', 'preview']);

/** Top-level `<thumb aspect="poster" …>url</thumb>` artwork references. */
export function readThumbs(reader: ChildElementReader): NfoThumb[] {
  return reader.elements('thumb').flatMap((element) => {
    const thumbReader = reader.nested(element);
    const url = thumbReader.ownText();
    if (url === undefined) return [];
    const others = Object.fromEntries(Object.entries(element.attributes).filter(([name]) => !MODELLED_THUMB_ATTRIBUTES.has(name)));
    const thumb: NfoThumb = withoutUndefined({
      url,
      aspect: thumbReader.attribute('aspect'),
      type: thumbReader.attribute('type'),
      season: thumbReader.convertedAttribute('season', toInteger),
      preview: thumbReader.attribute('preview'),
      // Kodi's own `spoof=""` and `cache=""` included: empty values are written back as they were.
      attributes: nonEmptyAttributes(others),
    });
    return [thumb];
  });
}

// Jellyfin's and Emby's person kinds that appear on screen; the rest (Director, Writer, Producer, …) are crew.
const CAST_TYPES = new Set(['actor', 'gueststar']);

/** Whether an `<actor>` is cast: Kodi's own (no `<type>`), or Jellyfin's/Emby's Actor and GuestStar. */
export function isCast(actor: NfoActor): boolean {
  return actor.type === undefined || CAST_TYPES.has(actor.type.toLowerCase());
}

export function nonEmptyList<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
