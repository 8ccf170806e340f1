import type { ChildElementReader } from './element-reader.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';

/**
 * Attributes of the children that hold the values a nested model writes (`<actor><thumb aspect="…">`,
 * `<set><name lang="en">`), by child name, so they are written back on the same child. Only a child whose
 * value the model holds is written, so only its attributes are kept: an empty `<role x="1"/>` says nothing.
 * `aliases` names the child a value may have been read from instead (Jellyfin's `<sortorder>` for `order`).
 */
export function readChildAttributes(
  reader: ChildElementReader,
  values: Readonly<Record<string, unknown>>,
  aliases: Readonly<Record<string, string>> = {},
): Record<string, Record<string, string>> | undefined {
  const found = Object.entries(values).flatMap(([name, value]) => {
    if (value === undefined) return [];
    const alias = aliases[name];
    const [element] = reader.peek(name).length > 0 || alias === undefined ? reader.peek(name) : reader.peek(alias);
    const attributes = element === undefined ? undefined : nonEmptyAttributes(element.attributes);
    return attributes === undefined ? [] : [[name, attributes] as const];
  });
  return found.length > 0 ? Object.fromEntries(found) : undefined;
}
