import type { IptvCategories, IptvKind, NameCleanupRule } from '../db/schema/iptv.js';

export type { IptvCategories, IptvKind, NameCleanupRule };

/** An IPTV provider's configuration as stored (credentials decrypted), read fresh at the start of each run. */
export interface IptvProviderConfig {
  id: string;
  kind: IptvKind;
  name: string;
  enabled: boolean;
  /** Xtream: the panel root. M3U: the playlist URL; `{page}` in it asks for numbered pages until one is empty. */
  baseUrl: string;
  /** Decrypted. Xtream: username and password. M3U: optional username and password, sent as query parameters. */
  credentials: Record<string, string>;
  categories: IptvCategories;
  nameCleanup: NameCleanupRule[];
  maxConcurrent: number;
  rateLimitRequests: number;
  rateLimitWindowMs: number;
  timeoutMs: number;
  syncIntervalSeconds: number;
}

export const IPTV_DEFAULTS = {
  categories: { movies: true, tvshows: true } satisfies IptvCategories,
  maxConcurrent: 2,
  rateLimitRequests: 10,
  rateLimitWindowMs: 1_000,
  timeoutMs: 15_000,
  /** Every 6 hours. */
  syncIntervalSeconds: 6 * 60 * 60,
} as const;

/** Credential fields each kind needs; secret ones are masked in API answers. */
export const IPTV_CREDENTIALS: Record<IptvKind, { required: string[]; known: string[]; secret: string[] }> = {
  xtream: { required: ['username', 'password'], known: ['username', 'password'], secret: ['password'] },
  m3u: { required: [], known: ['username', 'password'], secret: ['password'] },
};

/** The first thing wrong with credentials for this kind, naming the field. */
export function iptvCredentialProblem(kind: IptvKind, credentials: Record<string, string>): { field: string; message: string } | undefined {
  const spec = IPTV_CREDENTIALS[kind];
  const unknown = Object.keys(credentials).find((name) => !spec.known.includes(name));
  if (unknown !== undefined) return { field: unknown, message: `unknown for ${kind}; expected ${spec.known.join(', ')}` };
  const missing = spec.required.find((name) => (credentials[name] ?? '').trim() === '');
  if (missing !== undefined) return { field: missing, message: `required for ${kind}` };
  return undefined;
}

/**
 * The flags every clean-up rule runs with: every match, case-insensitive, Unicode (catalogue names are full
 * of accents and emoji). A rule is checked with these same flags, since some patterns that compile without
 * `u` (`\_`, a lone `{`) are errors with it.
 */
export const NAME_CLEANUP_FLAGS = 'giu';

export const compileNameCleanup = (pattern: string) => new RegExp(pattern, NAME_CLEANUP_FLAGS);

/** Every rule compiles; the first that does not is named by its index. */
export function nameCleanupProblem(rules: NameCleanupRule[]): { index: number; message: string } | undefined {
  for (const [index, rule] of rules.entries()) {
    try {
      compileNameCleanup(rule.pattern);
    } catch (error) {
      return { index, message: `not a valid regular expression: ${(error as Error).message}` };
    }
  }
  return undefined;
}
