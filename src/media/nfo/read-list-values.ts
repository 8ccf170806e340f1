import { listValues, type ChildElementReader } from './element-reader.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';
import { personName } from './read-people-and-artwork.js';
import type { NfoValueAttributes } from './types.js';

export interface ListValues {
  values: string[];
  /** The attributes of the elements that had any, by value, as `writtenAs` elements. */
  attributes: NfoValueAttributes[];
}

/**
 * The values of a repeatable element (`genre`, `studio`, …), " / "-joined values split as Kodi splits
 * them, with the attributes tools write on them (Kodi's `clear="true"`), which apply to each value of the
 * element they are on.
 */
export function readListValues(reader: ChildElementReader, name: string): ListValues {
  const values: string[] = [];
  const attributes: NfoValueAttributes[] = [];
  for (const element of reader.elements(name)) {
    const kept = nonEmptyAttributes(element.attributes);
    for (const value of listValues(element)) {
      values.push(value);
      if (kept !== undefined) attributes.push({ element: name, value, attributes: kept });
    }
  }
  return { values, attributes };
}

/**
 * Names of people in `<director>`, or in `<credits>` and Jellyfin's `<writer>` (which it writes beside
 * `<credits>` with the same names), once each, without trailing commas, with their elements' attributes
 * (`<director tmdbid="578">`) as `writtenAs` elements. A person named twice gets the attributes of both
 * elements, the first element's winning where both have one, so none is lost when only one is written.
 */
export function readPeople(reader: ChildElementReader, writtenAs: string, ...elementNames: string[]): ListValues {
  const values: string[] = [];
  const attributes: NfoValueAttributes[] = [];
  for (const elementName of elementNames) {
    for (const element of reader.elements(elementName)) {
      const kept = nonEmptyAttributes(element.attributes);
      for (const person of listValues(element).map(personName)) {
        if (person === undefined) continue;
        const known = values.find((value) => value.toLowerCase() === person.toLowerCase());
        if (known === undefined) values.push(person);
        if (kept === undefined) continue;
        const before = attributes.find((entry) => entry.value === (known ?? person));
        if (before === undefined) attributes.push({ element: writtenAs, value: known ?? person, attributes: kept });
        else before.attributes = { ...kept, ...before.attributes };
      }
    }
  }
  return { values, attributes };
}
