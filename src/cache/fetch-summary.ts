import type { ProviderId } from '../providers/types.js';
import type { FetchSummary } from './types.js';

interface ProviderResult {
  provider: ProviderId;
  status: 'completed' | 'failed' | 'timed-out';
  error?: string;
}

/** Who answered a provider workflow's fetch, as the cache manager reports it. */
export function summariseFetch(fetchedAt: string, results: readonly ProviderResult[]): FetchSummary {
  return {
    fetchedAt,
    completedProviders: results
      .filter((r) => r.status === 'completed')
      .map((r) => r.provider)
      .sort(),
    failedProviders: results.filter((r) => r.status === 'failed').map((r) => ({ provider: r.provider, error: r.error ?? 'failed' })),
    timedOutProviders: results.filter((r) => r.status === 'timed-out').map((r) => r.provider),
  };
}
