import { ProcessingContext, type ProviderConfig, type RunLogger } from './processing-context.js';
import type { MetadataProcessor } from './processor.js';
import { createProcessor } from './processors/create-processor.js';
import type { IptvProcessor } from './iptv/catalogue.js';
import { createIptvProcessor } from './iptv/create-iptv-processor.js';
import type { IptvKind } from '../contracts/iptv-providers.js';
import type { ProviderId } from './types.js';

/** All the registry needs to know of a provider; a full ProviderConfig will do. */
export type ProviderIdentity = Pick<ProviderConfig, 'id' | 'kind'>;

/** Where a worker finds the configured providers at start (ProviderRepository); no credentials needed. */
export interface ProviderIdentitySource {
  listIdentities(): Promise<ProviderIdentity[]>;
}

export interface RegisteredProcessor {
  providerId: string;
  kind: ProviderId;
  processor: MetadataProcessor;
}

/**
 * One processor per configured provider, made when a worker starts and kept for its lifetime. Processors
 * hold no configuration, so a run reads its provider's configuration afresh, calls `update(config)` (cheap:
 * it returns the registered processor) and passes a new context; an edit made through the API, even in
 * another process, takes effect on the next run. Every TMDB provider shares one TMDB processor.
 */
export class ProviderRegistry {
  private readonly entries = new Map<string, RegisteredProcessor>();
  private sharedTmdb: MetadataProcessor | undefined;
  private readonly iptvEntries = new Map<string, { kind: IptvKind; processor: IptvProcessor }>();

  constructor(
    private readonly create: (kind: ProviderId) => MetadataProcessor = createProcessor,
    private readonly createIptv: (kind: IptvKind) => IptvProcessor = createIptvProcessor,
  ) {}

  get(providerId: string): MetadataProcessor | undefined {
    return this.entries.get(providerId)?.processor;
  }

  getAll(): RegisteredProcessor[] {
    return [...this.entries.values()];
  }

  /**
   * The processor for this provider, registering one if there is none (a provider created since the
   * registry was loaded) or replacing it if the kind differs. A processor of the same kind is kept: its
   * clients are keyed by configuration, so keeping it keeps TMDB's /configuration and TVDB's token for
   * unchanged credentials, while changed ones get new clients on the next run anyway.
   */
  update(provider: ProviderIdentity): MetadataProcessor {
    const existing = this.entries.get(provider.id);
    if (existing?.kind === provider.kind) return existing.processor;
    const processor = provider.kind === 'tmdb' ? this.tmdb() : this.create(provider.kind);
    this.entries.set(provider.id, { providerId: provider.id, kind: provider.kind, processor });
    return processor;
  }

  remove(providerId: string): boolean {
    return this.entries.delete(providerId);
  }

  /** At worker start: exactly the configured providers, keeping processors already registered for them. */
  async loadFrom(source: ProviderIdentitySource): Promise<void> {
    const providers = await source.listIdentities();
    const configured = new Set(providers.map((provider) => provider.id));
    for (const providerId of [...this.entries.keys()]) {
      if (!configured.has(providerId)) this.entries.delete(providerId);
    }
    for (const provider of providers) this.update(provider);
  }

  /** IPTV providers (Xtream, M3U) live in the same registry, one processor per provider, same rules. */
  updateIptv(provider: { id: string; kind: IptvKind }): IptvProcessor {
    const existing = this.iptvEntries.get(provider.id);
    if (existing?.kind === provider.kind) return existing.processor;
    const processor = this.createIptv(provider.kind);
    this.iptvEntries.set(provider.id, { kind: provider.kind, processor });
    return processor;
  }

  getIptv(providerId: string): IptvProcessor | undefined {
    return this.iptvEntries.get(providerId)?.processor;
  }

  removeIptv(providerId: string): boolean {
    return this.iptvEntries.delete(providerId);
  }

  /** The TMDB processor every TMDB provider shares, and which matching against TMDB uses directly. */
  tmdb(): MetadataProcessor {
    this.sharedTmdb ??= this.create('tmdb');
    return this.sharedTmdb;
  }
}

/** A fresh context for one run of one provider; its log lines are named `<KIND>::<provider id>`. */
export function createContext(config: ProviderConfig, logger: RunLogger): ProcessingContext {
  return new ProcessingContext(config.id, config, logger);
}
