import { createHash } from 'node:crypto';
import type { ProviderConfig } from '../processing-context.js';

/** Configurations kept per processor: the shared TMDB processor serves every TMDB row, the others one each. */
const DEFAULT_CAPACITY = 8;

/**
 * A processor's clients, keyed by the configuration a client is built from (the provider row, whose
 * schedule its requests book, its rate, base URL, credentials, timeout). Reusing a client keeps what it learnt (TMDB's /configuration, TVDB's login token) across runs;
 * a changed configuration is a different key, so the next run gets a new client. The least recently used
 * client is dropped beyond the capacity, so replaced credentials do not stay in memory for long.
 */
export class ClientCache<C> {
  private readonly clients = new Map<string, C>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(config: ProviderConfig, create: () => C): C {
    const key = configurationKey(config);
    const existing = this.clients.get(key);
    // Re-inserting marks it most recently used: a Map iterates in insertion order.
    if (existing !== undefined) this.clients.delete(key);
    const client = existing ?? create();
    this.clients.set(key, client);
    for (const oldest of this.clients.keys()) {
      if (this.clients.size <= this.capacity) break;
      this.clients.delete(oldest);
    }
    return client;
  }

  get size(): number {
    return this.clients.size;
  }
}

/** Hashed, so the cache's keys are not one more copy of the credentials in memory. */
function configurationKey({ id, rateLimitPerSecond, baseUrl, timeoutMs, credentials }: ProviderConfig): string {
  const sorted = Object.keys(credentials)
    .sort()
    .map((name) => [name, credentials[name]]);
  return createHash('sha256')
    .update(JSON.stringify([id, rateLimitPerSecond, baseUrl, timeoutMs, sorted]))
    .digest('hex');
}
