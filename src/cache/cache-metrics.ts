import { Counter, Histogram, type Registry } from 'prom-client';

/** The provider cache's Prometheus metrics, registered on the registry /metrics serves. */
export class CacheMetrics {
  readonly requests: Counter<'result'>;
  readonly fetchSeconds: Histogram<'cached'>;
  readonly providerOutcomes: Counter<'provider' | 'outcome'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'reelflow_provider_cache_requests_total',
      help: 'fetchAssets and fetchSeason calls by result: hit (fresh cache), miss (fetched), error (cache unreadable, fetched)',
      labelNames: ['result'],
      registers: [registry],
    });
    this.fetchSeconds = new Histogram({
      name: 'reelflow_provider_fetch_seconds',
      help: 'fetchAssets and fetchSeason latency, by whether the cache answered',
      labelNames: ['cached'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
    this.providerOutcomes = new Counter({
      name: 'reelflow_provider_requests_total',
      help: 'Upstream provider fetches by outcome: success, failure, timeout',
      labelNames: ['provider', 'outcome'],
      registers: [registry],
    });
  }
}
