import { z } from 'zod';

// Provider bodies are validated loosely: only the fields we read, unknown fields allowed, absent or null
// optional values accepted, so a provider adding a field or nulling an unused one does not break a run.

/** A string the provider may omit or send as null. */
export const optionalString = z.string().nullish();

/** A number the provider may omit or send as null. */
export const optionalNumber = z.number().nullish();

/** An array the provider may omit or send as null; always an array after parsing. */
export function list<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items): z.output<T>[] => items ?? []);
}
