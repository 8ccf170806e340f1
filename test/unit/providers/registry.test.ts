import { describe, expect, it } from 'vitest';
import type { ProviderConfig, RunLogger } from '../../../src/providers/processing-context.js';
import type { MetadataProcessor } from '../../../src/providers/processor.js';
import { FanartProcessor } from '../../../src/providers/processors/fanart-processor.js';
import { MusicBrainzProcessor } from '../../../src/providers/processors/musicbrainz-processor.js';
import { TmdbProcessor } from '../../../src/providers/processors/tmdb-processor.js';
import { TvdbProcessor } from '../../../src/providers/processors/tvdb-processor.js';
import { createContext, ProviderRegistry, type ProviderIdentity } from '../../../src/providers/registry.js';
import type { ProviderId } from '../../../src/providers/types.js';

const TMDB_A = { id: 'a1111111-0000-4000-8000-000000000001', kind: 'tmdb' } as const;
const TMDB_B = { id: 'b2222222-0000-4000-8000-000000000002', kind: 'tmdb' } as const;
const TVDB = { id: 'c3333333-0000-4000-8000-000000000003', kind: 'tvdb' } as const;
const FANART = { id: 'd4444444-0000-4000-8000-000000000004', kind: 'fanart_tv' } as const;

/** A registry whose factory records what it made, so tests can tell reuse from re-creation. */
function countingRegistry() {
  const made: ProviderId[] = [];
  const registry = new ProviderRegistry((kind) => {
    made.push(kind);
    return { kind, canFetch: () => false } as unknown as MetadataProcessor;
  });
  return { registry, made };
}

function source(identities: ProviderIdentity[]) {
  return { listIdentities: () => Promise.resolve(identities) };
}

describe('ProviderRegistry', () => {
  it('registers a processor per provider and returns it from get', () => {
    const { registry, made } = countingRegistry();
    const processor = registry.update(TVDB);
    expect(processor.kind).toBe('tvdb');
    expect(registry.get(TVDB.id)).toBe(processor);
    expect(registry.get(FANART.id)).toBeUndefined();
    expect(made).toStrictEqual(['tvdb']);
  });

  it('keeps the registered processor when a provider of the same kind is updated', () => {
    const { registry, made } = countingRegistry();
    const first = registry.update(TVDB);
    expect(registry.update({ ...TVDB })).toBe(first);
    expect(made).toStrictEqual(['tvdb']);
  });

  it('replaces the processor when the kind differs', () => {
    const { registry } = countingRegistry();
    const first = registry.update({ id: TVDB.id, kind: 'tvdb' });
    const second = registry.update({ id: TVDB.id, kind: 'fanart_tv' });
    expect(second).not.toBe(first);
    expect(second.kind).toBe('fanart_tv');
    expect(registry.get(TVDB.id)).toBe(second);
  });

  it('maps every TMDB provider to one shared TMDB processor', () => {
    const { registry, made } = countingRegistry();
    const a = registry.update(TMDB_A);
    const b = registry.update(TMDB_B);
    expect(a).toBe(b);
    expect(registry.tmdb()).toBe(a);
    expect(made).toStrictEqual(['tmdb']);
  });

  it('gives each non-TMDB provider its own processor', () => {
    const { registry } = countingRegistry();
    const one = registry.update({ id: 'e5555555-0000-4000-8000-000000000005', kind: 'tvdb' });
    expect(registry.update(TVDB)).not.toBe(one);
  });

  it('lists every registered provider with its kind', () => {
    const { registry } = countingRegistry();
    registry.update(TMDB_A);
    registry.update(TMDB_B);
    registry.update(FANART);
    expect(registry.getAll().map(({ providerId, kind }) => [providerId, kind])).toStrictEqual([
      [TMDB_A.id, 'tmdb'],
      [TMDB_B.id, 'tmdb'],
      [FANART.id, 'fanart_tv'],
    ]);
    expect(new Set(registry.getAll().map((entry) => entry.processor)).size).toBe(2);
  });

  it('removes a provider, and reports whether there was one', () => {
    const { registry } = countingRegistry();
    registry.update(TVDB);
    expect(registry.remove(TVDB.id)).toBe(true);
    expect(registry.get(TVDB.id)).toBeUndefined();
    expect(registry.remove(TVDB.id)).toBe(false);
  });

  it('loads exactly the configured providers, keeping processors it already had', async () => {
    const { registry, made } = countingRegistry();
    const tvdb = registry.update(TVDB);
    registry.update(FANART);
    await registry.loadFrom(source([TMDB_A, TVDB, TMDB_B]));
    expect(
      registry
        .getAll()
        .map((entry) => entry.providerId)
        .sort(),
    ).toStrictEqual([TMDB_A.id, TMDB_B.id, TVDB.id].sort());
    expect(registry.get(TVDB.id)).toBe(tvdb);
    expect(registry.get(FANART.id)).toBeUndefined();
    expect(made).toStrictEqual(['tvdb', 'fanart_tv', 'tmdb']);
  });

  it('makes the real processor for each kind by default', () => {
    const registry = new ProviderRegistry();
    expect(registry.update(TMDB_A)).toBeInstanceOf(TmdbProcessor);
    expect(registry.update(TVDB)).toBeInstanceOf(TvdbProcessor);
    expect(registry.update(FANART)).toBeInstanceOf(FanartProcessor);
    expect(registry.update({ id: 'f6666666-0000-4000-8000-000000000006', kind: 'musicbrainz' })).toBeInstanceOf(MusicBrainzProcessor);
  });
});

describe('createContext', () => {
  const config: ProviderConfig = {
    id: TMDB_A.id,
    kind: 'tmdb',
    name: 'TMDB',
    enabled: true,
    priority: 0,
    baseUrl: 'http://127.0.0.1:9/3',
    credentials: { apiKey: 'k' },
    rateLimitPerSecond: 40,
    timeoutMs: 1000,
  };

  function recordingLogger() {
    const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const logger: RunLogger = {
      info: (message, fields) => lines.push({ level: 'info', message, fields }),
      warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
      error: (message, fields) => lines.push({ level: 'error', message, fields }),
    };
    return { logger, lines };
  }

  it('names the run TMDB::<id> in every line it logs', () => {
    const { logger, lines } = recordingLogger();
    const context = createContext(config, logger);
    expect(context.loggerName).toBe(`TMDB::${TMDB_A.id}`);
    context.logger.warn('slow answer', { ms: 900 });
    expect(lines).toStrictEqual([{ level: 'warn', message: 'slow answer', fields: { ms: 900, processor: `TMDB::${TMDB_A.id}` } }]);
  });

  it('makes a fresh context for every run, carrying that run’s configuration', () => {
    const { logger } = recordingLogger();
    const first = createContext(config, logger);
    first.ignore('imdb:tt0000001', 'unknown');
    first.caches.set('x', 1);
    const second = createContext({ ...config, timeoutMs: 5000 }, logger);
    expect(second).not.toBe(first);
    expect(second.ignored).toStrictEqual([]);
    expect(second.caches.size).toBe(0);
    expect(second.providerData.timeoutMs).toBe(5000);
    expect(second.providerId).toBe(TMDB_A.id);
  });
});
