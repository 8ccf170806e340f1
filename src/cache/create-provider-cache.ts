import type { Client } from '@temporalio/client';
import { PhaseConfigService, phaseSettingFromStored, phaseSettingKey } from '../config/phase-config-service.js';
import type { Database } from '../db/client.js';
import { ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import type { CacheMetrics } from './cache-metrics.js';
import { ProviderCacheManager, type CacheManagerLogger } from './provider-cache-manager.js';
import type { ProviderFetcher } from './provider-fetcher.js';
import { TemporalProviderFetcher } from './temporal-provider-fetcher.js';

/**
 * The provider cache as the API and the workers use it: providers reached through Temporal (the API: one
 * workflow per entity joins callers across processes) unless a fetcher is given (the workers fetch
 * in-process, inside activities Temporal retries), and a fetch that names no language asked in
 * phase.enrichment.language, so every caller reads and writes the cache in the language enrichment uses
 * (a lookup in another would make the next enrichment fetch again).
 */
export function createProviderCache(
  deps: { db: Database; temporal: Client; taskQueue: string; fetcher?: ProviderFetcher },
  observe: { metrics?: CacheMetrics; logger?: CacheManagerLogger } = {},
): ProviderCacheManager {
  const phaseConfig = new PhaseConfigService(deps.db);
  return new ProviderCacheManager({
    cache: new ProviderCacheRepository(deps.db),
    fetcher: deps.fetcher ?? new TemporalProviderFetcher(deps.temporal, deps.taskQueue),
    configuredLanguage: {
      settingKey: phaseSettingKey('enrichment', 'language'),
      fromStored: (stored) => phaseSettingFromStored('enrichment', 'language', stored),
      read: async () => (await phaseConfig.get('enrichment')).language,
    },
    ...observe,
  });
}
