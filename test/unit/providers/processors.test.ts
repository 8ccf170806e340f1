import { afterEach, describe, expect, it } from 'vitest';
import { ProviderAuthError, ProviderUnavailableError } from '../../../src/providers/http/errors.js';
import type { ProviderConfig, RunLogger } from '../../../src/providers/processing-context.js';
import type { SeasonFetchRequest, TitleFetchRequest } from '../../../src/providers/processor.js';
import { createProcessor } from '../../../src/providers/processors/create-processor.js';
import { FanartProcessor } from '../../../src/providers/processors/fanart-processor.js';
import { MusicBrainzProcessor } from '../../../src/providers/processors/musicbrainz-processor.js';
import { TmdbProcessor } from '../../../src/providers/processors/tmdb-processor.js';
import { tvdbLanguage, TvdbProcessor } from '../../../src/providers/processors/tvdb-processor.js';
import { createContext } from '../../../src/providers/registry.js';
import type { ProviderId } from '../../../src/providers/types.js';
import { startFakeFanart, FANART_FAKE_API_KEY } from '../../fakes/fanart.js';
import { headerValue, type FakeServer } from '../../fakes/http-fake.js';
import { startFakeMusicBrainz } from '../../fakes/musicbrainz.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY, TMDB_FAKE_READ_TOKEN } from '../../fakes/tmdb.js';
import { startFakeTvdb, TVDB_FAKE_API_KEY } from '../../fakes/tvdb.js';

const PROVIDER_ID = '0d9c4f6e-8a51-4c1b-9a7e-3f2b1c0d9e8f';

const fakes: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function started<F extends FakeServer>(fake: Promise<F>): Promise<F> {
  const server = await fake;
  fakes.push(server);
  return server;
}

function config(
  kind: ProviderId,
  baseUrl: string,
  credentials: Record<string, string>,
  overrides: Partial<ProviderConfig> = {},
): ProviderConfig {
  return {
    id: PROVIDER_ID,
    kind,
    name: kind,
    enabled: true,
    priority: 0,
    baseUrl,
    credentials,
    rateLimitPerSecond: 10,
    timeoutMs: 2000,
    ...overrides,
  };
}

interface LogLine {
  message: string;
  fields?: Record<string, unknown>;
}

/** A fresh context per call, as every run gets; its log lines are collected in `lines`. */
function run(providerConfig: ProviderConfig, lines: LogLine[] = []) {
  const logger: RunLogger = {
    info: (message, fields) => lines.push({ message, fields }),
    warn: (message, fields) => lines.push({ message, fields }),
    error: (message, fields) => lines.push({ message, fields }),
  };
  return createContext(providerConfig, logger);
}

const movie = (externalIds: TitleFetchRequest['externalIds'], language = 'en'): TitleFetchRequest => ({
  entityType: 'movie',
  externalIds,
  language,
});
const tv = (externalIds: TitleFetchRequest['externalIds'], language = 'en'): TitleFetchRequest => ({
  entityType: 'tv',
  externalIds,
  language,
});

const paths = (fake: FakeServer) => fake.requests.map((request) => `${request.method} ${request.path}`);

describe('TmdbProcessor', () => {
  it('fetches a movie by TMDB id: metadata and artwork', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchTitle(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      movie({ tmdb: 603 }),
    );
    expect(result.metadata).toMatchObject({ provider: 'tmdb', title: 'The Matrix', year: 1999 });
    expect(result.metadata?.externalIds).toMatchObject({ tmdb: 603, imdb: 'tt0133093' });
    expect(result.images.length).toBeGreaterThan(0);
    expect(result.images.every((image) => image.provider === 'tmdb')).toBe(true);
  });

  it('fetches a show by TMDB id', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchTitle(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      tv({ tmdb: 1396 }),
    );
    expect(result.metadata).toMatchObject({ title: 'Breaking Bad' });
    expect(paths(tmdb)).toContain('GET /tv/1396');
  });

  it('with only an IMDb id, finds the TMDB id first', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchTitle(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      movie({ imdb: 'tt0133093' }),
    );
    expect(result.metadata?.title).toBe('The Matrix');
    const calls = paths(tmdb);
    expect(calls.indexOf('GET /find/tt0133093')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('GET /find/tt0133093')).toBeLessThan(calls.indexOf('GET /movie/603'));
  });

  it('records an IMDb id TMDB does not know as ignored, logged under TMDB::<id>, and returns nothing', async () => {
    const tmdb = await started(startFakeTmdb());
    const lines: LogLine[] = [];
    const context = run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY }), lines);
    const result = await new TmdbProcessor().fetchTitle(context, movie({ imdb: 'tt9999999' }));
    expect(result).toStrictEqual({ images: [] });
    expect(context.ignored).toStrictEqual([{ key: 'imdb:tt9999999', reason: 'TMDB has no movie with IMDb id tt9999999' }]);
    expect(lines).toStrictEqual([{ message: 'TMDB has no movie with IMDb id tt9999999', fields: { processor: `TMDB::${PROVIDER_ID}` } }]);
  });

  it('can fetch with a TMDB or an IMDb id, and a show with its TVDB id alone; a movie not', () => {
    const processor = new TmdbProcessor();
    expect(processor.canFetch(movie({ tmdb: 603 }))).toBe(true);
    expect(processor.canFetch(tv({ imdb: 'tt0903747' }))).toBe(true);
    expect(processor.canFetch(tv({ tvdb: 81189 }))).toBe(true);
    expect(processor.canFetch(movie({ tvdb: 81189 }))).toBe(false);
  });

  it('with only a TVDB id, finds the show through /find first', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchTitle(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      tv({ tvdb: 81189 }),
    );
    expect(result.metadata).toMatchObject({ title: 'Breaking Bad' });
    const calls = paths(tmdb);
    expect(calls.indexOf('GET /find/81189')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('GET /find/81189')).toBeLessThan(calls.indexOf('GET /tv/1396'));
  });

  it('searches movies and shows', async () => {
    const tmdb = await started(startFakeTmdb());
    const processor = new TmdbProcessor();
    const context = run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY }));
    const movies = await processor.search(context, { entityType: 'movie', query: 'The Matrix', year: 1999 });
    const shows = await processor.search(context, { entityType: 'tv', query: 'Breaking Bad' });
    expect(movies[0]).toMatchObject({ provider: 'tmdb', title: 'The Matrix', year: 1999 });
    expect(shows[0]).toMatchObject({ title: 'Breaking Bad' });
    expect(tmdb.requests.find((request) => request.path === '/search/movie')?.query).toMatchObject({ query: 'The Matrix', year: '1999' });
  });

  it('reuses one client across runs with the same configuration: /configuration is asked once', async () => {
    const tmdb = await started(startFakeTmdb());
    const processor = new TmdbProcessor();
    const providerConfig = config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY });
    await processor.fetchTitle(run(providerConfig), movie({ tmdb: 603 }));
    await processor.fetchTitle(run({ ...providerConfig, credentials: { ...providerConfig.credentials } }), tv({ tmdb: 1396 }));
    expect(paths(tmdb).filter((call) => call === 'GET /configuration')).toHaveLength(1);
  });

  it('uses a changed configuration on the next run', async () => {
    const [first, second] = await Promise.all([started(startFakeTmdb()), started(startFakeTmdb())]);
    const processor = new TmdbProcessor();
    await processor.fetchTitle(run(config('tmdb', first.baseUrl, { apiKey: TMDB_FAKE_API_KEY })), movie({ tmdb: 603 }));
    await processor.fetchTitle(run(config('tmdb', second.baseUrl, { readAccessToken: TMDB_FAKE_READ_TOKEN })), movie({ tmdb: 603 }));
    expect(paths(first)).toHaveLength(2);
    expect(paths(second)).toStrictEqual(['GET /configuration', 'GET /movie/603']);
    expect(second.requests.every((request) => headerValue(request, 'authorization') === `Bearer ${TMDB_FAKE_READ_TOKEN}`)).toBe(true);
    expect(second.requests.every((request) => request.query.api_key === undefined)).toBe(true);
  });

  it('applies the configured timeout', async () => {
    const tmdb = await started(startFakeTmdb({ mode: { kind: 'slow', delayMs: 2_000 } }));
    const context = run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY }, { timeoutMs: 100 }));
    await expect(new TmdbProcessor().fetchTitle(context, movie({ tmdb: 603 }))).rejects.toThrow(/TMDB did not answer .* within 100 ms/);
  });

  it('tests credentials with /configuration, asking TMDB every time even when a run already did', async () => {
    const tmdb = await started(startFakeTmdb());
    const processor = new TmdbProcessor();
    const providerConfig = config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY });
    await processor.fetchTitle(run(providerConfig), movie({ tmdb: 603 }));
    await processor.testCredentials(run(providerConfig));
    await processor.testCredentials(run(providerConfig));
    expect(paths(tmdb).filter((call) => call === 'GET /configuration')).toHaveLength(3);
  });

  it('lets a refused key through as ProviderAuthError', async () => {
    const tmdb = await started(startFakeTmdb());
    const error = new TmdbProcessor().testCredentials(run(config('tmdb', tmdb.baseUrl, { apiKey: 'wrong-key' })));
    await expect(error).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(error).rejects.toThrow(/^TMDB rejected the API key/);
  });
});

describe('TvdbProcessor', () => {
  it('fetches a show by TVDB id: metadata, and the extended record’s artwork merged with /artworks', async () => {
    const tvdb = await started(startFakeTvdb());
    const result = await new TvdbProcessor().fetchTitle(
      run(config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY })),
      tv({ tvdb: 81189 }),
    );
    expect(result.metadata).toMatchObject({ provider: 'tvdb', title: 'Breaking Bad' });
    expect(result.metadata?.externalIds).toMatchObject({ tvdb: 81189, imdb: 'tt0903747' });
    const urls = result.images.map((image) => `${image.assetType} ${image.url}`);
    expect(new Set(urls).size).toBe(urls.length);
    expect(result.images.some((image) => image.assetType === 'season-poster' && image.season === 1)).toBe(true);
    expect(result.images.some((image) => image.assetType === 'clearlogo')).toBe(true);
    expect(paths(tvdb).sort()).toStrictEqual(['GET /series/81189/artworks', 'GET /series/81189/extended', 'POST /login']);
  });

  it('asks for the title in the request’s language, in TVDB’s three-letter codes', async () => {
    const tvdb = await started(startFakeTvdb());
    const result = await new TvdbProcessor().fetchTitle(
      run(config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY })),
      tv({ tvdb: 81189 }, 'de'),
    );
    expect(result.metadata?.plot).toMatch(/^Der Chemielehrer Walter White/);
    expect(tvdbLanguage('en')).toBe('eng');
    expect(tvdbLanguage('pt-BR')).toBe('por');
    expect(tvdbLanguage('deu')).toBe('deu');
  });

  it('has nothing for movies or for shows without a TVDB id, and asks nothing', async () => {
    const tvdb = await started(startFakeTvdb());
    const processor = new TvdbProcessor();
    const context = run(config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY }));
    expect(processor.canFetch(tv({ tvdb: 81189 }))).toBe(true);
    expect(processor.canFetch(movie({ tvdb: 81189, tmdb: 603 }))).toBe(false);
    expect(processor.canFetch(tv({ tmdb: 1396 }))).toBe(false);
    expect(await processor.fetchTitle(context, movie({ tmdb: 603 }))).toStrictEqual({ images: [] });
    expect(await processor.fetchTitle(context, tv({ imdb: 'tt0903747' }))).toStrictEqual({ images: [] });
    expect(await processor.search(context, { entityType: 'tv', query: 'Breaking Bad' })).toStrictEqual([]);
    expect(tvdb.requests).toHaveLength(0);
  });

  it('keeps its login token across runs with the same configuration', async () => {
    const tvdb = await started(startFakeTvdb());
    const processor = new TvdbProcessor();
    const providerConfig = config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY });
    await processor.fetchTitle(run(providerConfig), tv({ tvdb: 81189 }));
    await processor.fetchTitle(run(providerConfig), tv({ tvdb: 81189 }));
    expect(tvdb.issuedTokens).toHaveLength(1);
  });

  it('logs in anew on the next run when the configuration changed', async () => {
    const tvdb = await started(startFakeTvdb({ pin: '4321' }));
    const processor = new TvdbProcessor();
    const providerConfig = config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY, pin: '4321' });
    await processor.fetchTitle(run(providerConfig), tv({ tvdb: 81189 }));
    await processor.fetchTitle(run({ ...providerConfig, timeoutMs: 3000 }), tv({ tvdb: 81189 }));
    expect(tvdb.issuedTokens).toHaveLength(2);
    const wrongPin = run({ ...providerConfig, credentials: { apiKey: TVDB_FAKE_API_KEY, pin: '0000' } });
    await expect(processor.fetchTitle(wrongPin, tv({ tvdb: 81189 }))).rejects.toBeInstanceOf(ProviderAuthError);
  });

  it('tests credentials with a fresh login every time, PIN included', async () => {
    const tvdb = await started(startFakeTvdb({ pin: '4321' }));
    const processor = new TvdbProcessor();
    const providerConfig = config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY, pin: '4321' });
    await processor.testCredentials(run(providerConfig));
    await processor.testCredentials(run(providerConfig));
    expect(paths(tvdb)).toStrictEqual(['POST /login', 'POST /login']);
    expect(JSON.parse(tvdb.requests[0]?.body ?? '')).toStrictEqual({ apikey: TVDB_FAKE_API_KEY, pin: '4321' });
  });

  it('lets a refused key through as ProviderAuthError', async () => {
    const tvdb = await started(startFakeTvdb());
    const error = new TvdbProcessor().testCredentials(run(config('tvdb', tvdb.baseUrl, { apiKey: 'wrong-key' })));
    await expect(error).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(error).rejects.toThrow(/^TVDB rejected the API key \(HTTP 401 from \/login/);
  });
});

describe('FanartProcessor', () => {
  it('fetches movie artwork by TMDB id, else by IMDb id, and show artwork by TVDB id; no metadata', async () => {
    const fanart = await started(startFakeFanart());
    const processor = new FanartProcessor();
    const context = run(config('fanart_tv', fanart.baseUrl, { apiKey: FANART_FAKE_API_KEY }));
    const byTmdb = await processor.fetchTitle(context, movie({ tmdb: 603, imdb: 'tt0133093' }));
    const byImdb = await processor.fetchTitle(context, movie({ imdb: 'tt0133093' }));
    const show = await processor.fetchTitle(context, tv({ tvdb: 81189, tmdb: 1396 }));
    expect(byTmdb.metadata).toBeUndefined();
    expect(byTmdb.images.length).toBeGreaterThan(0);
    expect(byImdb.images).toStrictEqual(byTmdb.images);
    expect(show.images.some((image) => image.assetType === 'clearlogo')).toBe(true);
    expect(paths(fanart)).toStrictEqual(['GET /movies/603', 'GET /movies/tt0133093', 'GET /tv/81189']);
  });

  it('has nothing for a show without a TVDB id, and cannot search', async () => {
    const fanart = await started(startFakeFanart());
    const processor = new FanartProcessor();
    const context = run(config('fanart_tv', fanart.baseUrl, { apiKey: FANART_FAKE_API_KEY }));
    expect(processor.canFetch(tv({ tmdb: 1396 }))).toBe(false);
    expect(processor.canFetch(tv({ tvdb: 81189 }))).toBe(true);
    expect(processor.canFetch(movie({ imdb: 'tt0133093' }))).toBe(true);
    expect(processor.canFetch(movie({ tvdb: 1 }))).toBe(false);
    expect(await processor.fetchTitle(context, tv({ tmdb: 1396 }))).toStrictEqual({ images: [] });
    expect(await processor.search(context, { entityType: 'movie', query: 'The Matrix' })).toStrictEqual([]);
    expect(fanart.requests).toHaveLength(0);
  });

  it('sends the personal client key when one is configured, from the next run on', async () => {
    const fanart = await started(startFakeFanart());
    const processor = new FanartProcessor();
    const providerConfig = config('fanart_tv', fanart.baseUrl, { apiKey: FANART_FAKE_API_KEY });
    await processor.fetchTitle(run(providerConfig), movie({ tmdb: 603 }));
    await processor.fetchTitle(
      run({ ...providerConfig, credentials: { apiKey: FANART_FAKE_API_KEY, clientKey: 'personal' } }),
      movie({ tmdb: 603 }),
    );
    expect(fanart.requests.map((request) => headerValue(request, 'client-key'))).toStrictEqual([undefined, 'personal']);
  });

  it('tests credentials on a known movie, and lets a refused key through as ProviderAuthError', async () => {
    const fanart = await started(startFakeFanart());
    const processor = new FanartProcessor();
    await processor.testCredentials(run(config('fanart_tv', fanart.baseUrl, { apiKey: FANART_FAKE_API_KEY })));
    expect(paths(fanart)).toStrictEqual(['GET /movies/603']);
    const refused = processor.testCredentials(run(config('fanart_tv', fanart.baseUrl, { apiKey: 'wrong-key' })));
    await expect(refused).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(refused).rejects.toThrow(/^Fanart\.tv rejected the API key/);
  });
});

describe('MusicBrainzProcessor', () => {
  it('has nothing to say about movies and shows, and asks nothing', async () => {
    const musicbrainz = await started(startFakeMusicBrainz());
    const processor = new MusicBrainzProcessor();
    const context = run(config('musicbrainz', musicbrainz.baseUrl, { contact: 'admin@example.org' }));
    expect(processor.canFetch(movie({ tmdb: 603, imdb: 'tt0133093' }))).toBe(false);
    expect(processor.canFetch(tv({ tvdb: 81189 }))).toBe(false);
    expect(await processor.fetchTitle(context, movie({ tmdb: 603 }))).toStrictEqual({ images: [] });
    expect(await processor.search(context, { entityType: 'movie', query: 'The Matrix' })).toStrictEqual([]);
    expect(musicbrainz.requests).toHaveLength(0);
  });

  it('tests with a search sent with a User-Agent naming the configured contact', async () => {
    const musicbrainz = await started(startFakeMusicBrainz());
    await new MusicBrainzProcessor().testCredentials(run(config('musicbrainz', musicbrainz.baseUrl, { contact: 'admin@example.org' })));
    expect(paths(musicbrainz)).toStrictEqual(['GET /artist']);
    expect(headerValue(musicbrainz.requests[0]!, 'user-agent')).toBe('Reelflow/0.1.0 ( admin@example.org )');
  });

  it('lets a refusal through as ProviderAuthError, and refuses to run without a contact', async () => {
    const musicbrainz = await started(startFakeMusicBrainz({ mode: { kind: 'unauthorized' } }));
    const processor = new MusicBrainzProcessor();
    const refused = processor.testCredentials(run(config('musicbrainz', musicbrainz.baseUrl, { contact: 'admin@example.org' })));
    await expect(refused).rejects.toBeInstanceOf(ProviderAuthError);
    await expect(refused).rejects.toThrow(/^MusicBrainz rejected the User-Agent/);
    await expect(processor.testCredentials(run(config('musicbrainz', musicbrainz.baseUrl, {})))).rejects.toThrow(/descriptive userAgent/);
  });

  it('reports an unreachable service as ProviderUnavailableError', async () => {
    const musicbrainz = await started(startFakeMusicBrainz({ mode: { kind: 'server-error' } }));
    const failing = new MusicBrainzProcessor().testCredentials(
      run(config('musicbrainz', musicbrainz.baseUrl, { contact: 'admin@example.org' })),
    );
    await expect(failing).rejects.toBeInstanceOf(ProviderUnavailableError);
  });
});

describe('season fetches', () => {
  const season = (externalIds: SeasonFetchRequest['externalIds'], seasonNumber = 1): SeasonFetchRequest => ({
    externalIds,
    seasonNumber,
    language: 'en',
  });

  it('TMDB: a season by TMDB id, with its episodes', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchSeason(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      season({ tmdb: 1396 }),
    );
    expect(result).toMatchObject({ provider: 'tmdb', seasonNumber: 1, name: 'Season 1', airDate: '2008-01-20' });
    expect(result!.episodes.map((e) => e.episodeNumber)).toStrictEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result!.episodes[0]).toMatchObject({ title: 'Pilot', airDate: '2008-01-20', seasonNumber: 1 });
    expect(paths(tmdb).filter((path) => path !== 'GET /configuration')).toStrictEqual(['GET /tv/1396/season/1']);
  });

  it('TMDB: by TVDB id, finding the show through /find with external_source=tvdb_id first', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchSeason(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      season({ tvdb: 81189 }),
    );
    expect(result?.episodes).toHaveLength(7);
    const find = tmdb.requests.find((request) => request.path === '/find/81189');
    expect(find?.query.external_source).toBe('tvdb_id');
    const calls = paths(tmdb);
    expect(calls.indexOf('GET /find/81189')).toBeLessThan(calls.indexOf('GET /tv/1396/season/1'));
  });

  it('TMDB: by IMDb id through /find', async () => {
    const tmdb = await started(startFakeTmdb());
    const result = await new TmdbProcessor().fetchSeason(
      run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY })),
      season({ imdb: 'tt0903747' }),
    );
    expect(result?.episodes[0]?.title).toBe('Pilot');
    expect(paths(tmdb)).toContain('GET /find/tt0903747');
  });

  it('TMDB: an unknown TVDB id and an unlisted season are answers (undefined), not failures', async () => {
    const tmdb = await started(startFakeTmdb());
    const processor = new TmdbProcessor();
    const context = run(config('tmdb', tmdb.baseUrl, { apiKey: TMDB_FAKE_API_KEY }));
    expect(await processor.fetchSeason(context, season({ tvdb: 1 }))).toBeUndefined();
    expect(context.ignored).toStrictEqual([{ key: 'tvdb:1', reason: 'TMDB has no tv with TVDB id 1' }]);
    expect(paths(tmdb).some((path) => path.startsWith('GET /tv/'))).toBe(false);
    expect(await processor.fetchSeason(context, season({ tmdb: 1396 }, 9))).toBeUndefined();
    expect(paths(tmdb)).toContain('GET /tv/1396/season/9');
  });

  it('TMDB can list a season with any one of its ids', () => {
    const processor = new TmdbProcessor();
    expect(processor.canFetchSeason(season({ tvdb: 81189 }))).toBe(true);
    expect(processor.canFetchSeason(season({ imdb: 'tt0903747' }))).toBe(true);
    expect(processor.canFetchSeason(season({}))).toBe(false);
  });

  it('TVDB: the series record names the aired-order season id, then the season record lists its episodes', async () => {
    const tvdb = await started(startFakeTvdb());
    const result = await new TvdbProcessor().fetchSeason(
      run(config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY })),
      season({ tvdb: 81189 }),
    );
    expect(result).toMatchObject({ provider: 'tvdb', externalIds: { tvdb: 30272 }, seasonNumber: 1, airDate: '2008-01-20' });
    expect(result!.episodes.map((e) => [e.episodeNumber, e.title])).toStrictEqual([
      [1, 'Pilot'],
      [2, "Cat's in the Bag..."],
      [3, "...And the Bag's in the River"],
      [4, ''],
    ]);
    // Season 1 of the DVD order (491234) is another season id; the aired order's is asked for.
    expect(paths(tvdb)).toStrictEqual(['POST /login', 'GET /series/81189/extended', 'GET /seasons/30272/extended']);
  });

  it('TVDB: a season the series does not list, or a series it does not know, is undefined; no TVDB id, no fetch', async () => {
    const tvdb = await started(startFakeTvdb());
    const processor = new TvdbProcessor();
    const context = run(config('tvdb', tvdb.baseUrl, { apiKey: TVDB_FAKE_API_KEY }));
    expect(await processor.fetchSeason(context, season({ tvdb: 81189 }, 7))).toBeUndefined();
    expect(await processor.fetchSeason(context, season({ tvdb: 1 }))).toBeUndefined();
    expect(paths(tvdb)).toStrictEqual(['POST /login', 'GET /series/81189/extended', 'GET /series/1/extended']);
    expect(processor.canFetchSeason(season({ tmdb: 1396, imdb: 'tt0903747' }))).toBe(false);
    expect(processor.canFetchSeason(season({ tvdb: 81189 }))).toBe(true);
  });

  it('Fanart.tv and MusicBrainz cannot fetch seasons, and ask nothing', async () => {
    const [fanart, musicbrainz] = await Promise.all([started(startFakeFanart()), started(startFakeMusicBrainz())]);
    const ids = { tmdb: 1396, tvdb: 81189 };
    for (const [processor, context] of [
      [new FanartProcessor(), run(config('fanart_tv', fanart.baseUrl, { apiKey: FANART_FAKE_API_KEY }))],
      [new MusicBrainzProcessor(), run(config('musicbrainz', musicbrainz.baseUrl, { contact: 'admin@example.org' }))],
    ] as const) {
      expect(processor.canFetchSeason(season(ids))).toBe(false);
      expect(await processor.fetchSeason(context, season(ids))).toBeUndefined();
    }
    expect(fanart.requests.length + musicbrainz.requests.length).toBe(0);
  });
});

describe('createProcessor', () => {
  it('makes the processor for each kind', () => {
    expect(createProcessor('tmdb')).toBeInstanceOf(TmdbProcessor);
    expect(createProcessor('tvdb')).toBeInstanceOf(TvdbProcessor);
    expect(createProcessor('fanart_tv')).toBeInstanceOf(FanartProcessor);
    expect(createProcessor('musicbrainz')).toBeInstanceOf(MusicBrainzProcessor);
    expect(createProcessor('fanart_tv').kind).toBe('fanart_tv');
  });
});
