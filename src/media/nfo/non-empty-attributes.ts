/** An element's attributes as the model keeps them: a copy, or nothing when there are none. */
export function nonEmptyAttributes(attributes: Readonly<Record<string, string>>): Record<string, string> | undefined {
  return Object.keys(attributes).length > 0 ? { ...attributes } : undefined;
}
