import type { ProviderAssetRow } from '../db/schema/index.js';
import type { CachedAsset, ProviderCacheRepository } from '../db/repositories/provider-cache-repository.js';
import type { ProviderMetadata } from '../providers/types.js';
import type { ProviderFetchOutcome, ProviderSeasonFetchOutcome } from '../contracts/providers.js';
import type { CacheMetrics } from './cache-metrics.js';
import { summariseFetch } from './fetch-summary.js';
import { mergeSearchResults } from './merge-search-results.js';
import type { ProviderFetcher } from './provider-fetcher.js';
import { seasonResultFromFetch, seasonResultFromRows } from './season-answers.js';
import type {
  CachedImage,
  FetchAssetsRequest,
  FetchAssetsResult,
  FetchSeasonRequest,
  FetchSeasonResult,
  MergedSearchResult,
  ProviderAnswer,
  SearchRequest,
} from './types.js';

export const DEFAULT_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CacheManagerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface ProviderCacheManagerDeps {
  cache: ProviderCacheRepository;
  fetcher: ProviderFetcher;
  metrics?: CacheMetrics;
  logger?: CacheManagerLogger;
  ttlMs?: number;
  now?: () => Date;
  /** The language of a fetch that names none; 'en' when not given. */
  configuredLanguage?: ConfiguredLanguage;
}

/** A language kept in one app_settings row (phase.enrichment.language). */
export interface ConfiguredLanguage {
  /**
   * Its app_settings key: a cache lookup reads the row in the statement that reads the cache, so a hit costs
   * one round trip and still sees a change made a moment ago, by any process.
   */
  settingKey: string;
  /** The language a stored value stands for (undefined: no row). */
  fromStored(stored: unknown): string;
  /** Reads it on its own, for a fetch that does not look in the cache first. */
  read(): Promise<string>;
}

/**
 * The only way Reelflow reaches a metadata provider. A fresh cache (< 7 days) answers at once with no
 * network call; otherwise every enabled provider is asked in parallel through the fetcher, and its answers
 * land in provider_assets / provider_metadata, or provider_seasons for a show's season. A cache that cannot
 * be read counts as a miss.
 */
export class ProviderCacheManager {
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(private readonly deps: ProviderCacheManagerDeps) {
    this.ttlMs = deps.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = deps.now ?? (() => new Date());
  }

  async fetchAssets(asked: FetchAssetsRequest): Promise<FetchAssetsResult> {
    const started = performance.now();
    let language = asked.language;
    if (!asked.force) {
      const looked = await this.readFresh(asked);
      if (looked.answer) return this.answeredFromCache(started, looked.answer);
      language ??= looked.language;
    }
    const request = { ...asked, language: language ?? (await this.languageOf(asked)) };
    const outcome = await this.deps.fetcher.fetchTitle({
      request: {
        entityType: request.entityType,
        entityId: request.entityId,
        externalIds: request.externalIds,
        language: request.language,
      },
      priority: request.priority ?? 'background',
      ...(request.publishChanges ? { publishChanges: true } : {}),
    });
    this.recordFetch(started, outcome, { entityId: request.entityId });
    return fromOutcome(outcome, request);
  }

  /**
   * One season of a show: its episodes as each provider that knows the season lists them, with the
   * providers' priority order, so the caller can take the first that answered. Cached like a title.
   */
  async fetchSeason(asked: FetchSeasonRequest): Promise<FetchSeasonResult> {
    const started = performance.now();
    const request = { ...asked, language: await this.languageOf(asked) };
    if (!request.force) {
      const cached = await this.readFreshSeason(request);
      if (cached) return this.answeredFromCache(started, cached);
    }
    const outcome = await this.deps.fetcher.fetchSeason({
      request: {
        entityType: request.entityType,
        entityId: request.entityId,
        externalIds: request.externalIds,
        seasonNumber: request.seasonNumber,
        language: request.language,
      },
      priority: request.priority ?? 'background',
    });
    this.recordFetch(started, outcome, { entityId: request.entityId, seasonNumber: request.seasonNumber });
    return seasonResultFromFetch(outcome);
  }

  /** Never cached: identification needs what the providers say now. Merged across providers, best first. */
  async search(request: SearchRequest): Promise<{ results: MergedSearchResult[]; failedProviders: { provider: string; error: string }[] }> {
    const outcome = await this.deps.fetcher.search({ entityType: request.entityType, query: request.query, year: request.year });
    return { results: mergeSearchResults(outcome.results).slice(0, request.limit ?? 20), failedProviders: outcome.failedProviders };
  }

  /** Read-only: what the cache holds for one asset type, [] when nothing. */
  async getCachedAssets(query: { entityType: string; entityId: string; assetType?: string }): Promise<ProviderAssetRow[]> {
    return this.deps.cache.listAssets(query.entityType, query.entityId, query.assetType);
  }

  private async languageOf(request: { language?: string }): Promise<string> {
    return request.language ?? (await this.deps.configuredLanguage?.read()) ?? 'en';
  }

  /**
   * The cached answer when it is fresh, and the language it was judged in (the configured one, read with the
   * cache rows, when the request names none); neither when the cache could not be read.
   */
  private async readFresh(request: FetchAssetsRequest): Promise<{ language?: string; answer?: FetchAssetsResult }> {
    const configured = request.language === undefined ? this.deps.configuredLanguage : undefined;
    const stored = await this.readCache(() => this.deps.cache.read(request.entityType, request.entityId, configured?.settingKey), {
      entityId: request.entityId,
    });
    if (!stored) return {};
    const language = request.language ?? configured?.fromStored(stored.setting) ?? 'en';
    const fresh = this.freshness(stored.metadata, { language, maxAgeMs: request.maxAgeMs });
    if (!fresh) return { language };
    const providers: Record<string, ProviderAnswer> = {};
    for (const row of stored.metadata)
      providers[row.providerName] = { images: {}, metadata: (row.metadata as unknown as ProviderMetadata | null) ?? null };
    for (const asset of stored.assets) {
      if (request.assetTypes && !request.assetTypes.includes(asset.assetType as never)) continue;
      const answer = (providers[asset.providerName] ??= { images: {}, metadata: null });
      (answer.images[asset.assetType] ??= []).push(imageFromRow(asset));
    }
    const answer: FetchAssetsResult = {
      cached: true,
      cacheAge: fresh.ageDays,
      providers,
      metadata: {
        fetchedAt: fresh.oldest.toISOString(),
        completedProviders: stored.metadata.map((m) => m.providerName).sort(),
        failedProviders: [],
        timedOutProviders: [],
      },
    };
    return { language, answer };
  }

  private async readFreshSeason(request: FetchSeasonRequest & { language: string }): Promise<FetchSeasonResult | undefined> {
    const key = { entityType: request.entityType, entityId: request.entityId, seasonNumber: request.seasonNumber };
    const rows = await this.readCache(() => this.deps.cache.readSeason(key), {
      entityId: request.entityId,
      seasonNumber: request.seasonNumber,
    });
    const fresh = rows && this.freshness(rows, request);
    return fresh && seasonResultFromRows(rows, fresh.oldest, fresh.ageDays);
  }

  /** What the cache holds, or undefined, counted as an error, when it cannot be read (a miss, then). */
  private async readCache<T>(read: () => Promise<T>, logFields: Record<string, unknown>): Promise<T | undefined> {
    try {
      return await read();
    } catch (err) {
      this.deps.metrics?.requests.inc({ result: 'error' });
      this.deps.logger?.warn({ err, ...logFields }, 'provider cache unreadable; fetching instead');
      return undefined;
    }
  }

  /**
   * The age of cached answers when every one is younger than the TTL and in the language asked for;
   * otherwise undefined, counted as a miss (nothing, something stale, or another language — a changed
   * phase.enrichment.language is fetched again at the next run).
   */
  private freshness(
    answers: { fetchedAt: Date; language: string }[],
    { language, maxAgeMs }: { language: string; maxAgeMs?: number },
  ): { oldest: Date; ageDays: number } | undefined {
    const times = answers.map((answer) => answer.fetchedAt.getTime());
    const oldest = Math.min(...times);
    const age = this.now().getTime() - oldest;
    const maxAge = Math.min(this.ttlMs, maxAgeMs ?? this.ttlMs);
    if (times.length === 0 || age >= maxAge || answers.some((answer) => answer.language !== language)) {
      this.deps.metrics?.requests.inc({ result: 'miss' });
      return undefined;
    }
    return { oldest: new Date(oldest), ageDays: round(age / DAY_MS) };
  }

  private answeredFromCache<R>(started: number, answer: R): R {
    this.deps.metrics?.requests.inc({ result: 'hit' });
    this.deps.metrics?.fetchSeconds.observe({ cached: 'true' }, (performance.now() - started) / 1000);
    return answer;
  }

  private recordFetch(started: number, outcome: ProviderFetchOutcome | ProviderSeasonFetchOutcome, logFields: Record<string, unknown>) {
    if (!outcome.cacheWritten) this.deps.logger?.warn(logFields, 'provider answers could not be written to the cache');
    const metrics = this.deps.metrics;
    if (!metrics) return;
    for (const result of outcome.results) {
      const label = result.status === 'completed' ? 'success' : result.status === 'timed-out' ? 'timeout' : 'failure';
      metrics.providerOutcomes.inc({ provider: result.provider, outcome: label });
    }
    metrics.fetchSeconds.observe({ cached: 'false' }, (performance.now() - started) / 1000);
  }
}

function fromOutcome(outcome: ProviderFetchOutcome, request: FetchAssetsRequest): FetchAssetsResult {
  const providers: Record<string, ProviderAnswer> = {};
  for (const result of outcome.results.filter((r) => r.status === 'completed')) {
    const answer: ProviderAnswer = { images: {}, metadata: result.metadata ?? null };
    for (const image of result.images) {
      if (request.assetTypes && !request.assetTypes.includes(image.assetType)) continue;
      (answer.images[image.assetType] ??= []).push({
        url: image.url,
        width: image.width ?? null,
        height: image.height ?? null,
        language: image.language,
        voteAverage: image.voteAverage ?? null,
        voteCount: image.voteCount ?? null,
        season: image.season ?? null,
      });
    }
    providers[result.provider] = answer;
  }
  return { cached: false, cacheAge: 0, providers, metadata: summariseFetch(outcome.fetchedAt, outcome.results) };
}

function imageFromRow(row: CachedAsset): CachedImage {
  const meta = (row.providerMetadata ?? {}) as Partial<Record<'language' | 'voteAverage' | 'voteCount' | 'season', unknown>>;
  return {
    url: row.providerUrl,
    width: row.width,
    height: row.height,
    language: typeof meta.language === 'string' ? meta.language : null,
    voteAverage: typeof meta.voteAverage === 'number' ? meta.voteAverage : null,
    voteCount: typeof meta.voteCount === 'number' ? meta.voteCount : null,
    season: typeof meta.season === 'number' ? meta.season : null,
  };
}

function round(days: number): number {
  return Math.round(days * 100) / 100;
}
