import { ProviderRepository } from '../../src/db/repositories/provider-repository.js';
import type { Database } from '../../src/db/client.js';
import { testCipher } from './integration.js';

/** Configures a provider directly in the database, as POST /api/providers would. */
export async function configureProvider(
  db: Database,
  input: {
    kind: 'tmdb' | 'tvdb' | 'fanart_tv' | 'musicbrainz';
    baseUrl: string;
    credentials: Record<string, string>;
    rateLimitPerSecond?: number;
    timeoutMs?: number;
  },
) {
  return new ProviderRepository(db, testCipher).create({
    name: `${input.kind}-${Math.random().toString(36).slice(2, 8)}`,
    enabled: true,
    priority: 0,
    rateLimitPerSecond: input.rateLimitPerSecond ?? 40,
    timeoutMs: input.timeoutMs ?? 5_000,
    ...input,
  });
}
