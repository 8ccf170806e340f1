import {
  ActivityFailure,
  ApplicationFailure,
  patched,
  proxyActivities,
  proxyLocalActivities,
  TimeoutFailure,
  workflowInfo,
} from '@temporalio/workflow';
import type { EnabledProvider, ProviderActivities } from '../activities/providers.js';
import {
  priorityKeys,
  type FetchPriority,
  type ProviderFetchInput,
  type ProviderFetchOutcome,
  type ProviderFetchResultEntry,
  type ProviderId,
  type ProviderSearchInput,
  type ProviderSearchOutcome,
  type ProviderSeasonFetchInput,
  type ProviderSeasonFetchOutcome,
  type ProviderSeasonResultEntry,
} from '../contracts/providers.js';
import { providerTaskQueue } from '../contracts/task-queues.js';
import {
  PROVIDER_AUTH_ERROR,
  PROVIDER_DELETED,
  PROVIDER_NOT_FOUND_ERROR,
  PROVIDER_REQUEST_ERROR,
  PROVIDER_RESPONSE_ERROR,
  PROVIDER_TIMEOUT_FAILURE,
  rootMessage,
} from '../contracts/failures.js';

const bookkeepingOptions = { startToCloseTimeout: '15 seconds', retry: { maximumAttempts: 3 } } as const;
const bookkeepingActivities = proxyActivities<ProviderActivities>(bookkeepingOptions);
const localBookkeeping = proxyLocalActivities<ProviderActivities>(bookkeepingOptions);

/**
 * Runs from this patch on list the enabled providers and save their answers in local activities: two short
 * Postgres statements each, which as activities cost a task round trip through the server apiece, and most
 * of a fetch's CPU on a busy machine. Both are idempotent (a read; upserts), so a rerun after a crash is
 * harmless. The provider calls stay activities on their rate-limited queues. Runs started before keep theirs.
 */
const LOCAL_BOOKKEEPING = 'provider-fetch-local-bookkeeping';

/** The listing and saving activities of this run: local ones, unless it began before the patch. */
function bookkeeping(): Pick<
  ProviderActivities,
  'listEnabledProviders' | 'listEnabledSeasonProviders' | 'saveProviderAnswers' | 'saveSeasonAnswers'
> {
  return patched(LOCAL_BOOKKEEPING) ? localBookkeeping : bookkeepingActivities;
}

const ATTEMPT_MARGIN_MS = 5_000;
/** A person waiting gets an answer soon; background work can afford to insist. */
const ATTEMPTS: Record<FetchPriority, number> = { user: 3, background: 6 };

/** How long a caller waits for one provider, retries included, before it counts as timed out. */
const PROVIDER_WAIT: Record<FetchPriority, string> = { user: '30 seconds', background: '30 minutes' };

/** The calls of one provider: on its own rate-limited task queue, each attempt bounded by its timeout. */
function providerCalls(kind: ProviderId, timeoutMs: number, priority: FetchPriority) {
  return proxyActivities<ProviderActivities>({
    // Named from this workflow's own queue: the provider queues belong to the same deployment.
    taskQueue: providerTaskQueue(workflowInfo().taskQueue, kind),
    // The client's own timeout fires first and says which endpoint was slow; this only catches a hung worker.
    startToCloseTimeout: timeoutMs + ATTEMPT_MARGIN_MS,
    scheduleToCloseTimeout: PROVIDER_WAIT[priority],
    priority: { priorityKey: priorityKeys[priority] },
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '30 seconds',
      maximumAttempts: ATTEMPTS[priority],
      nonRetryableErrorTypes: [
        PROVIDER_AUTH_ERROR,
        PROVIDER_NOT_FOUND_ERROR,
        PROVIDER_REQUEST_ERROR,
        PROVIDER_RESPONSE_ERROR,
        PROVIDER_DELETED,
      ],
    },
  });
}

/** One provider's part of a fetch: what it answered, or why not (never the caller's error). */
type ProviderPart<T> = { provider: ProviderId; providerId: string } & (
  ({ status: 'completed' } & T) | { status: 'failed' | 'timed-out'; error: string }
);

/** Asks every provider in parallel, each on its own rate-limited queue. */
function askEveryProvider<T>(
  providers: EnabledProvider[],
  priority: FetchPriority,
  ask: (calls: ReturnType<typeof providerCalls>, provider: EnabledProvider) => Promise<T>,
): Promise<ProviderPart<T>[]> {
  return Promise.all(
    providers.map(async (provider): Promise<ProviderPart<T>> => {
      const base = { provider: provider.kind, providerId: provider.id };
      try {
        return { ...base, status: 'completed', ...(await ask(providerCalls(provider.kind, provider.timeoutMs, priority), provider)) };
      } catch (err) {
        return { ...base, status: isTimeout(err) ? 'timed-out' : 'failed', error: rootMessage(err) };
      }
    }),
  );
}

/** False when the cache could not take the answers: that must not cost the caller the data just fetched. */
async function saveToCache(save: () => Promise<void>): Promise<boolean> {
  try {
    await save();
    return true;
  } catch {
    return false;
  }
}

/**
 * Fetches one title from every enabled provider in parallel → writes the answers to the provider cache →
 * returns them. Its id is the entity's, so concurrent callers share one upstream fetch per provider.
 */
export async function providerFetch(input: ProviderFetchInput): Promise<ProviderFetchOutcome> {
  const { listEnabledProviders, saveProviderAnswers } = bookkeeping();
  const providers = await listEnabledProviders({ entityType: input.request.entityType, externalIds: input.request.externalIds });
  const parts = await askEveryProvider(providers, input.priority, (calls, provider) =>
    calls.fetchFromProvider({ providerId: provider.id, request: input.request }),
  );
  const results: ProviderFetchResultEntry[] = parts.map((part) => (part.status === 'completed' ? part : { ...part, images: [] }));
  const fetchedAt = new Date(workflowInfo().startTime).toISOString();
  const cacheWritten = await saveToCache(() =>
    saveProviderAnswers({
      request: input.request,
      fetchedAt,
      results: results.filter((r) => r.status === 'completed'),
      ...(input.publishChanges ? { publishChanges: true } : {}),
    }),
  );
  return { fetchedAt, results, cacheWritten };
}

/**
 * Fetches one season of a show from every enabled provider that can list it, in parallel → writes the
 * answers to the provider cache → returns them in priority order, so the caller can prefer the first
 * provider that knows the season. Its id is the season's: concurrent callers share one fetch.
 */
export async function providerSeasonFetch(input: ProviderSeasonFetchInput): Promise<ProviderSeasonFetchOutcome> {
  const { externalIds, seasonNumber } = input.request;
  const { listEnabledSeasonProviders, saveSeasonAnswers } = bookkeeping();
  const providers = await listEnabledSeasonProviders({ externalIds, seasonNumber });
  const results: ProviderSeasonResultEntry[] = await askEveryProvider(providers, input.priority, (calls, provider) =>
    calls.fetchSeasonFromProvider({ providerId: provider.id, request: input.request }),
  );
  const fetchedAt = new Date(workflowInfo().startTime).toISOString();
  const cacheWritten = await saveToCache(() =>
    saveSeasonAnswers({ request: input.request, fetchedAt, results: results.filter((r) => r.status === 'completed') }),
  );
  return { fetchedAt, results, cacheWritten };
}

/** Searches every enabled provider that can search; never cached. */
export async function providerSearch(input: ProviderSearchInput): Promise<ProviderSearchOutcome> {
  const { listEnabledProviders } = bookkeeping();
  const providers = await listEnabledProviders({ entityType: input.entityType, externalIds: {} });
  const outcome: ProviderSearchOutcome = { results: [], failedProviders: [] };
  await Promise.all(
    providers.map(async (provider) => {
      try {
        const found = await providerCalls(provider.kind, provider.timeoutMs, 'user').searchProvider({
          providerId: provider.id,
          search: input,
        });
        outcome.results.push(...found);
      } catch (err) {
        outcome.failedProviders.push({ provider: provider.kind, error: rootMessage(err) });
      }
    }),
  );
  return outcome;
}

function isTimeout(err: unknown): boolean {
  if (!(err instanceof ActivityFailure)) return false;
  return err.cause instanceof TimeoutFailure || (err.cause instanceof ApplicationFailure && err.cause.type === PROVIDER_TIMEOUT_FAILURE);
}
