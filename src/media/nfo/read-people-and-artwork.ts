import type { ChildElementReader } from './element-reader.js';
import { toInteger } from './field-values.js';
import type { NfoActor, NfoThumb } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/**
 * `<actor><name/><role/><type/><order/><thumb/></actor>`; an actor without a name is skipped, as Kodi does.
 * Jellyfin and Emby add `<type>` and write the order as `<sortorder>`.
 */
export function readActors(reader: ChildElementReader): NfoActor[] {
  return reader.elements('actor').flatMap((element) => {
    const actorReader = reader.nested(element);
    const name = personName(actorReader.text('name'));
    if (name === undefined) return [];
    const actor: NfoActor = withoutUndefined({
      name,
      role: actorReader.text('role'),
      type: actorReader.text('type'),
      order: actorReader.converted('order', toInteger) ?? actorReader.converted('sortorder', toInteger),
      thumb: actorReader.text('thumb'),
    });
    return [actor];
  });
}

/**
 * Names of people in `<director>`, `<credits>` and Jellyfin's `<writer>` (which it writes beside `<credits>`
 * with the same names), once each, without the trailing commas of lists pasted from web pages.
 */
export function readPeople(reader: ChildElementReader, ...names: string[]): string[] {
  const people: string[] = [];
  for (const name of names) {
    for (const person of reader.texts(name).map(personName)) {
      if (person !== undefined && !people.some((known) => known.toLowerCase() === person.toLowerCase())) people.push(person);
    }
  }
  return people;
}

function personName(raw: string | undefined): string | undefined {
  const name = raw?.replace(/[\s,;]+$/u, '');
  return name === '' ? undefined : name;
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

// Jellyfin's and Emby's person kinds that appear on screen; the rest (Director, Writer, Producer, …) are crew.
const CAST_TYPES = new Set(['actor', 'gueststar']);

/** Whether an `<actor>` is cast: Kodi's own (no `<type>`), or Jellyfin's/Emby's Actor and GuestStar. */
export function isCast(actor: NfoActor): boolean {
  return actor.type === undefined || CAST_TYPES.has(actor.type.toLowerCase());
}
