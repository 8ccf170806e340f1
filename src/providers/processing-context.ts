import type { ProviderId } from './types.js';

/** A provider's configuration as stored (credentials decrypted), read fresh at the start of each run. */
export interface ProviderConfig {
  /** The providers row id. */
  id: string;
  kind: ProviderId;
  name: string;
  enabled: boolean;
  priority: number;
  baseUrl: string;
  /** Decrypted; never logged, never returned by the API. Keys depend on the kind (apiKey, readAccessToken, pin…). */
  credentials: Record<string, string>;
  rateLimitPerSecond: number;
  timeoutMs: number;
}

export interface IgnoredItem {
  key: string;
  reason: string;
}

export interface RunLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Everything that belongs to one run of one provider: its configuration as of this run, the run's caches,
 * the items it ignored and why, and its progress. Made fresh per run and passed as the first argument to
 * the provider's processor, which keeps none of it; `reset()` in a `finally` drops it all. Metadata
 * providers carry a ProviderConfig; IPTV providers their own configuration (IptvProviderConfig).
 */
export class ProcessingContext<C extends { kind: string } = ProviderConfig> {
  readonly caches = new Map<string, unknown>();
  readonly ignored: IgnoredItem[] = [];
  readonly progress = { total: 0, done: 0 };
  readonly logger: RunLogger;

  constructor(
    readonly providerId: string,
    readonly providerData: C,
    baseLogger: RunLogger,
  ) {
    // Every line of this run names the provider it is for: `TMDB::<id>`.
    const name = `${providerData.kind.toUpperCase()}::${providerId}`;
    this.logger = {
      info: (message, fields) => baseLogger.info(message, { ...fields, processor: name }),
      warn: (message, fields) => baseLogger.warn(message, { ...fields, processor: name }),
      error: (message, fields) => baseLogger.error(message, { ...fields, processor: name }),
    };
  }

  get loggerName(): string {
    return `${this.providerData.kind.toUpperCase()}::${this.providerId}`;
  }

  ignore(key: string, reason: string): void {
    this.ignored.push({ key, reason });
  }

  reset(): void {
    this.caches.clear();
    this.ignored.length = 0;
    this.progress.total = 0;
    this.progress.done = 0;
  }
}
