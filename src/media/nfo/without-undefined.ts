/**
 * Drops properties whose value is undefined, so parsed models carry only what the file holds and compare
 * equal with `toStrictEqual` and after a JSON round trip (Temporal payloads, database columns).
 */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
