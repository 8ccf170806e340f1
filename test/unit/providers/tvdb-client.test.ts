import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProviderAuthError,
  ProviderNotFoundError,
  ProviderRateLimitError,
  ProviderResponseError,
} from '../../../src/providers/http/errors.js';
import { TvdbClient } from '../../../src/providers/tvdb/tvdb-client.js';
import type { ProviderImage } from '../../../src/providers/types.js';
import { startHttpFake, type FakeServer } from '../../fakes/http-fake.js';
import { startFakeTvdb, TVDB_FAKE_API_KEY, type FakeTvdb } from '../../fakes/tvdb.js';

const ART = 'https://artworks.thetvdb.com/banners';

let tvdb: FakeTvdb;

beforeEach(async () => {
  tvdb = await startFakeTvdb();
});

afterEach(async () => {
  await tvdb.close();
});

function client(apiKey = TVDB_FAKE_API_KEY) {
  return new TvdbClient({ baseUrl: tvdb.baseUrl, apiKey, timeoutMs: 2000 });
}

function trail(server: FakeServer = tvdb) {
  return server.requests.map((request) => `${request.method} ${request.path}`);
}

async function errorFrom(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the call to fail, but it succeeded');
}

// The series' artwork as the client should map it, in TVDB's order, then the seasons' own images.
const SERIES_IMAGES: ProviderImage[] = [
  {
    provider: 'tvdb',
    assetType: 'poster',
    url: `${ART}/posters/81189-10.jpg`,
    width: 680,
    height: 1000,
    language: 'en',
    voteAverage: 100112,
  },
  {
    provider: 'tvdb',
    assetType: 'poster',
    url: `${ART}/posters/81189-2.jpg`,
    width: 680,
    height: 1000,
    language: 'de',
    voteAverage: 20011,
  },
  {
    provider: 'tvdb',
    assetType: 'fanart',
    url: `${ART}/fanart/original/81189-21.jpg`,
    width: 1920,
    height: 1080,
    language: null,
    voteAverage: 100071,
  },
  {
    provider: 'tvdb',
    assetType: 'banner',
    url: `${ART}/graphical/81189-g21.jpg`,
    width: 758,
    height: 140,
    language: 'en',
    voteAverage: 10005,
  },
  // Type 5 (icon) is not a clearlogo and is left out.
  {
    provider: 'tvdb',
    assetType: 'clearart',
    url: `${ART}/v4/series/81189/clearart/clearart.png`,
    width: 1000,
    height: 562,
    language: 'en',
    voteAverage: 10003,
  },
  {
    provider: 'tvdb',
    assetType: 'clearlogo',
    url: `${ART}/v4/series/81189/clearlogo/clearlogo.png`,
    width: 800,
    height: 310,
    language: 'en',
    voteAverage: 10004,
  },
  {
    provider: 'tvdb',
    assetType: 'season-poster',
    url: `${ART}/seasons/81189-1-4.jpg`,
    width: 680,
    height: 1000,
    language: 'en',
    voteAverage: 10002,
    season: 1,
  },
  // The season poster for an unknown season id is dropped; the DVD-order season banner resolves to season 1.
  {
    provider: 'tvdb',
    assetType: 'season-banner',
    url: `${ART}/seasonswide/81189-1.jpg`,
    width: 758,
    height: 140,
    language: 'en',
    voteAverage: 10001,
    season: 1,
  },
  { provider: 'tvdb', assetType: 'season-poster', url: `${ART}/seasons/81189-0.jpg`, language: null, season: 0 },
  { provider: 'tvdb', assetType: 'season-poster', url: `${ART}/seasons/81189-1.jpg`, language: null, season: 1 },
];

describe('TvdbClient authentication', () => {
  it('logs in with POST /login and reuses the token for later calls', async () => {
    const tvdbClient = client();
    await tvdbClient.seriesExtended(81189);
    await tvdbClient.artworks(81189);
    await tvdbClient.seasonExtended(30272);
    expect(trail()).toStrictEqual([
      'POST /login',
      'GET /series/81189/extended',
      'GET /series/81189/artworks',
      'GET /seasons/30272/extended',
    ]);
    expect(JSON.parse(tvdb.requests[0]?.body ?? '')).toStrictEqual({ apikey: TVDB_FAKE_API_KEY });
    expect(tvdb.issuedTokens).toStrictEqual(['fake-tvdb-token-1']);
    for (const request of tvdb.requests.slice(1)) expect(request.headers.authorization).toBe('Bearer fake-tvdb-token-1');
  });

  it('sends the subscriber PIN when configured', async () => {
    await tvdb.close();
    tvdb = await startFakeTvdb({ pin: '1234' });
    await new TvdbClient({ baseUrl: tvdb.baseUrl, apiKey: TVDB_FAKE_API_KEY, pin: '1234', timeoutMs: 2000 }).artworks(81189);
    expect(JSON.parse(tvdb.requests[0]?.body ?? '')).toStrictEqual({ apikey: TVDB_FAKE_API_KEY, pin: '1234' });
  });

  it('logs in only once when the first calls run concurrently', async () => {
    const tvdbClient = client();
    await Promise.all([tvdbClient.seriesExtended(81189), tvdbClient.artworks(81189), tvdbClient.episodeExtended(349232)]);
    expect(trail().filter((entry) => entry === 'POST /login')).toHaveLength(1);
  });

  it('logs in again once when TVDB refuses an expired token, and keeps the new token', async () => {
    const tvdbClient = client();
    await tvdbClient.artworks(81189);
    tvdb.expireTokens();
    const images = await tvdbClient.artworks(81189);
    await tvdbClient.seasonExtended(30272);
    expect(images).toHaveLength(SERIES_IMAGES.length);
    expect(trail()).toStrictEqual([
      'POST /login',
      'GET /series/81189/artworks',
      'GET /series/81189/artworks',
      'POST /login',
      'GET /series/81189/artworks',
      'GET /seasons/30272/extended',
    ]);
    expect(tvdb.requests[4]?.headers.authorization).toBe('Bearer fake-tvdb-token-2');
    expect(tvdb.requests[5]?.headers.authorization).toBe('Bearer fake-tvdb-token-2');
  });

  it('gives up with ProviderAuthError when even a fresh token is refused', async () => {
    // A TVDB that accepts the login but refuses every data request: one re-login, then the error.
    const refusing = await startHttpFake({
      apiRoot: '/v4',
      errorBody: () => ({ status: 'failure', message: 'Unauthorized', data: null }),
      route: (request) =>
        request.path === '/login'
          ? { status: 200, json: { status: 'success', data: { token: 'short-lived' } } }
          : { status: 401, json: { status: 'failure', message: 'Unauthorized', data: null } },
    });
    try {
      const tvdbClient = new TvdbClient({ baseUrl: refusing.baseUrl, apiKey: 'k', timeoutMs: 2000 });
      const error = await errorFrom(tvdbClient.seriesExtended(81189));
      expect(error).toBeInstanceOf(ProviderAuthError);
      expect(trail(refusing)).toStrictEqual(['POST /login', 'GET /series/81189/extended', 'POST /login', 'GET /series/81189/extended']);
    } finally {
      await refusing.close();
    }
  });

  it('reports a wrong key as ProviderAuthError naming TVDB, and tries the login again on the next call', async () => {
    const tvdbClient = client('wrong-key');
    const error = await errorFrom(tvdbClient.seriesExtended(81189));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toMatch(/^TVDB rejected the API key \(HTTP 401 from \/login/);
    await expect(tvdbClient.seriesExtended(81189)).rejects.toBeInstanceOf(ProviderAuthError);
    expect(trail()).toStrictEqual(['POST /login', 'POST /login']);
  });

  it('sends a User-Agent on the login and on data requests', async () => {
    await new TvdbClient({ baseUrl: tvdb.baseUrl, apiKey: TVDB_FAKE_API_KEY, timeoutMs: 2000, userAgent: 'Reelflow-test/2' }).artworks(
      81189,
    );
    expect(tvdb.requests.map((request) => request.headers['user-agent'])).toStrictEqual(['Reelflow-test/2', 'Reelflow-test/2']);
  });
});

describe('TvdbClient.seriesExtended', () => {
  it('asks for translations and maps the series', async () => {
    const details = await client().seriesExtended(81189);
    expect(tvdb.requests[1]?.query).toStrictEqual({ meta: 'translations' });
    expect(details.metadata).toStrictEqual({
      provider: 'tvdb',
      externalIds: { imdb: 'tt0903747', tmdb: 1396, tvdb: 81189 },
      title: 'Breaking Bad',
      year: 2008,
      premiered: '2008-01-20',
      plot: expect.stringMatching(/^When Walter White, a New Mexico chemistry teacher/),
      runtime: 47,
      genres: ['Drama', 'Crime', 'Thriller'],
      studios: ['AMC'],
      countries: ['USA'],
      tags: [],
      certification: 'TV-MA',
      ratings: [],
      cast: [
        { name: 'Bryan Cranston', role: 'Walter White', order: 0, thumbUrl: `${ART}/person/248442/bryan.jpg` },
        { name: 'Aaron Paul', role: 'Jesse Pinkman', order: 1, thumbUrl: `${ART}/person/281656/aaron.jpg` },
        { name: 'Anna Gunn', role: 'Skyler White', order: 2, thumbUrl: `${ART}/actors/67215.jpg` },
      ],
      // The guest star is neither cast of the series nor crew.
      crew: [
        { name: 'Vince Gilligan', job: 'Creator', department: 'Writing' },
        { name: 'Michelle MacLaren', job: 'Director', department: 'Directing' },
      ],
      trailers: [{ site: 'YouTube', key: 'HhesaQXLuRY', name: 'Breaking Bad Trailer', url: 'https://www.youtube.com/watch?v=HhesaQXLuRY' }],
      status: 'Ended',
    });
  });

  it('maps the artwork types, resolving season artwork to season numbers', async () => {
    const { images } = await client().seriesExtended(81189);
    expect(images).toStrictEqual(SERIES_IMAGES);
  });

  it('lists aired-order seasons only, by number, with their TVDB ids', async () => {
    const { seasons } = await client().seriesExtended(81189);
    expect(seasons).toStrictEqual([
      { seasonNumber: 0, providerSeasonId: 137801 },
      { seasonNumber: 1, providerSeasonId: 30272 },
      { seasonNumber: 2, providerSeasonId: 30273 },
    ]);
  });

  it('uses the wanted language, falls back to English for the plot, and keeps the original name', async () => {
    const { metadata } = await client().seriesExtended(81189, 'rus');
    expect(metadata.title).toBe('Во все тяжкие');
    expect(metadata.originalTitle).toBe('Breaking Bad');
    expect(metadata.plot).toMatch(/^When Walter White/);
    const german = await client().seriesExtended(81189, 'deu', 'deu');
    expect(german.metadata.plot).toBe('Der Chemielehrer Walter White erfährt, dass er unheilbar an Lungenkrebs erkrankt ist.');
    expect(german.metadata.certification).toBe('16');
  });

  it('ignores alias translations', async () => {
    const { metadata } = await client().seriesExtended(81189, 'ita');
    expect(metadata.title).toBe('Breaking Bad');
  });
});

describe('TvdbClient seasons, episodes and artworks', () => {
  it('maps a season with its episodes in order and its own artwork', async () => {
    const season = await client().seasonExtended(30272);
    expect(season).toMatchObject({ provider: 'tvdb', externalIds: { tvdb: 30272 }, seasonNumber: 1, airDate: '2008-01-20' });
    expect(season.episodes.map((episode) => [episode.episodeNumber, episode.title])).toStrictEqual([
      [1, 'Pilot'],
      [2, "Cat's in the Bag..."],
      [3, "...And the Bag's in the River"],
      [4, ''],
    ]);
    expect(season.episodes[0]).toStrictEqual({
      provider: 'tvdb',
      externalIds: { tvdb: 349232 },
      seasonNumber: 1,
      episodeNumber: 1,
      absoluteNumber: 1,
      title: 'Pilot',
      airDate: '2008-01-20',
      plot: "Pilot: Walter and Jesse's story continues.",
      runtime: 58,
      // TVDB sent a v3-style relative path.
      thumbUrl: 'https://artworks.thetvdb.com/banners/episodes/81189/349232.jpg',
    });
    expect(season.episodes[3]).not.toHaveProperty('plot');
    expect(season.images).toStrictEqual([
      {
        provider: 'tvdb',
        assetType: 'season-poster',
        url: `${ART}/seasons/81189-1-4.jpg`,
        width: 680,
        height: 1000,
        language: 'en',
        voteAverage: 10002,
        season: 1,
      },
      {
        provider: 'tvdb',
        assetType: 'season-banner',
        url: `${ART}/seasonswide/81189-1.jpg`,
        width: 758,
        height: 140,
        language: null,
        voteAverage: 10001,
        season: 1,
      },
    ]);
  });

  it('maps an episode with its remote ids, in the wanted language', async () => {
    const episode = await client().episodeExtended(349232, 'deu');
    expect(tvdb.requests[1]?.query).toStrictEqual({ meta: 'translations' });
    expect(episode).toMatchObject({
      externalIds: { imdb: 'tt0959621', tmdb: 62085, tvdb: 349232 },
      seasonNumber: 1,
      episodeNumber: 1,
      title: 'Der Einstieg',
      plot: 'Der Chemielehrer Walter White beschließt, Crystal Meth herzustellen.',
    });
    const english = await client().episodeExtended(349232);
    expect(english.title).toBe('Pilot');
    expect(english.plot).toMatch(/^Diagnosed with terminal lung cancer/);
  });

  it('maps the series artworks endpoint like the extended record', async () => {
    expect(await client().artworks(81189)).toStrictEqual(SERIES_IMAGES);
  });
});

describe('TvdbClient failures', () => {
  it('reports 429 as ProviderRateLimitError, not as an auth problem to re-login for', async () => {
    const tvdbClient = client();
    await tvdbClient.artworks(81189);
    tvdb.setMode({ kind: 'rate-limited', retryAfter: '5' });
    const error = await errorFrom(tvdbClient.artworks(81189));
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(5000);
    expect(trail().filter((entry) => entry === 'POST /login')).toHaveLength(1);
  });

  it('reports malformed JSON as ProviderResponseError naming the endpoint', async () => {
    const tvdbClient = client();
    await tvdbClient.artworks(81189);
    tvdb.setMode({ kind: 'malformed-json' });
    const error = await errorFrom(tvdbClient.seriesExtended(81189));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.message).toBe('TVDB returned malformed JSON from /series/81189/extended');
  });

  it('reports an unknown id as ProviderNotFoundError', async () => {
    await expect(client().seasonExtended(1)).rejects.toBeInstanceOf(ProviderNotFoundError);
  });
});
