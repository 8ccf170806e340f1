import type { paths } from '../../../../src/api/openapi/schema.ts';

type Method = 'post' | 'put' | 'patch';

/** The JSON body route `P` takes with method `M`, from the generated types (the route's zod schema). */
export type Body<P extends keyof paths, M extends Method> = paths[P] extends {
  [K in M]: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** How a field is edited. `list` is words separated by commas, `numbers` numbers; `json` an object or array. */
export type FieldKind = 'text' | 'password' | 'number' | 'checkbox' | 'select' | 'list' | 'numbers' | 'json';

/** One field of a settings form; `name` is a key of the route's body, so a renamed field fails the typecheck. */
export interface FieldSpec<B> {
  name: keyof B & string;
  label: string;
  kind: FieldKind;
  options?: readonly { value: string; label: string }[];
  hint?: string;
  /** Sent as null when emptied (a PATCH that clears the value); otherwise an empty field is left out. */
  emptyAsNull?: boolean;
  /** A select whose values are numbers (resolutions). */
  numeric?: boolean;
}
