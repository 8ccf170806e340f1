import type { ProviderId } from '../providers/types.js';

/** What each provider kind is when a person configures it: its defaults and the credentials it takes. */

export const FANART_DEFAULT_BASE_URL = 'https://webservice.fanart.tv/v3';
export const MUSICBRAINZ_DEFAULT_BASE_URL = 'https://musicbrainz.org/ws/2';
export const TMDB_DEFAULT_BASE_URL = 'https://api.themoviedb.org/3';
export const TVDB_DEFAULT_BASE_URL = 'https://api4.thetvdb.com/v4';

export const PROVIDER_KINDS = ['tmdb', 'tvdb', 'fanart_tv', 'musicbrainz'] as const satisfies readonly ProviderId[];

export interface CredentialField {
  name: string;
  /** Secret fields are masked in API answers; the others (a contact address) are shown as entered. */
  secret: boolean;
  description: string;
}

export interface ProviderKindDefaults {
  /** How the provider names itself, as in its clients' error messages ("TMDB", "Fanart.tv"). */
  label: string;
  baseUrl: string;
  /** The provider's documented or customary limit; the provider task queue is rate-limited to it. */
  rateLimitPerSecond: number;
  timeoutMs: number;
  /** Every credential field this kind accepts. */
  credentialFields: readonly CredentialField[];
  /** Ways to authenticate: one entry's fields together suffice (TMDB takes an API key or a token). */
  requiredCredentials: readonly (readonly string[])[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

export const PROVIDER_DEFAULTS: Record<ProviderId, ProviderKindDefaults> = {
  tmdb: {
    label: 'TMDB',
    baseUrl: TMDB_DEFAULT_BASE_URL,
    rateLimitPerSecond: 40,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    credentialFields: [
      { name: 'apiKey', secret: true, description: 'v3 API key' },
      { name: 'readAccessToken', secret: true, description: 'v4 read access token (used instead of the API key when both are given)' },
    ],
    requiredCredentials: [['apiKey'], ['readAccessToken']],
  },
  tvdb: {
    label: 'TVDB',
    baseUrl: TVDB_DEFAULT_BASE_URL,
    rateLimitPerSecond: 10,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    credentialFields: [
      { name: 'apiKey', secret: true, description: 'v4 API key' },
      { name: 'pin', secret: true, description: 'subscriber PIN, for user-supported keys' },
    ],
    requiredCredentials: [['apiKey']],
  },
  fanart_tv: {
    label: 'Fanart.tv',
    baseUrl: FANART_DEFAULT_BASE_URL,
    rateLimitPerSecond: 10,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    credentialFields: [
      { name: 'apiKey', secret: true, description: 'project API key' },
      { name: 'clientKey', secret: true, description: 'personal API key: fresher images and a higher limit' },
    ],
    requiredCredentials: [['apiKey']],
  },
  musicbrainz: {
    label: 'MusicBrainz',
    baseUrl: MUSICBRAINZ_DEFAULT_BASE_URL,
    rateLimitPerSecond: 1,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    // MusicBrainz has no keys, but blocks clients it cannot reach: the contact goes into the User-Agent.
    credentialFields: [{ name: 'contact', secret: false, description: 'e-mail address or URL MusicBrainz can reach you at' }],
    requiredCredentials: [['contact']],
  },
};

export interface CredentialProblem {
  /** The credential field at fault, e.g. "apiKey". */
  field: string;
  message: string;
}

/** The first thing wrong with credentials for this kind: an unknown field, or none of the required sets complete. */
export function credentialProblem(kind: ProviderId, credentials: Record<string, string>): CredentialProblem | undefined {
  const defaults = PROVIDER_DEFAULTS[kind];
  const known = new Set(defaults.credentialFields.map((field) => field.name));
  const unknown = Object.keys(credentials).find((name) => !known.has(name));
  if (unknown !== undefined) {
    return { field: unknown, message: `unknown for ${kind}; expected ${[...known].join(', ')}` };
  }
  const present = (name: string) => (credentials[name] ?? '').trim() !== '';
  if (defaults.requiredCredentials.some((set) => set.every(present))) return undefined;
  const [first, ...alternatives] = defaults.requiredCredentials.map((set) => set.find((name) => !present(name)) ?? '');
  const or = alternatives.length > 0 ? ` (or ${alternatives.join(' or ')})` : '';
  return { field: first ?? '', message: `required for ${kind}${or}` };
}
