/**
 * Strings Postgres cannot store: a NUL character (text and jsonb refuse it) and a lone UTF-16 surrogate
 * (not Unicode; jsonb refuses it, text would silently store U+FFFD). Checked for every string and object
 * key a request carries, so every route answers 400 naming the field instead of failing in the database.
 */

/** Deeper than any body Reelflow takes; a deeper one would overflow the stack when stored as JSON. */
export const MAX_NESTING = 64;

export interface UnstorableValue {
  /** Where, as the validation messages write it: `body.config.groups.0.url`. */
  field: string;
  message: string;
}

// Without the u flag the pattern sees UTF-16 code units: a high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode';
  return undefined;
}

/** The first unstorable string or key in `value`, found without recursion (a deep body cannot overflow the stack). */
export function findUnstorable(value: unknown, root: string): UnstorableValue | undefined {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [root] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const message = problemOf(current);
      if (message) return { field: path.join('.'), message };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_NESTING) return { field: path.slice(0, 3).join('.'), message: `nests deeper than ${MAX_NESTING} levels` };
    for (const [key, child] of Object.entries(current)) {
      const keyProblem = problemOf(key);
      if (keyProblem) return { field: path.join('.'), message: `has a key that ${keyProblem}` };
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}
