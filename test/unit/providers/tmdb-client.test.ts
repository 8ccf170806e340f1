import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProviderAuthError,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderUnavailableError,
} from '../../../src/providers/http/errors.js';
import { TmdbClient } from '../../../src/providers/tmdb/tmdb-client.js';
import type { FakeServer } from '../../fakes/http-fake.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY, TMDB_FAKE_READ_TOKEN } from '../../fakes/tmdb.js';

const IMAGE = 'https://image.tmdb.org/t/p/original';
const MATRIX_PLOT =
  'Set in the 22nd century, The Matrix tells the story of a computer hacker who joins a group of underground insurgents fighting the vast and powerful computers who now rule the earth.';

let tmdb: FakeServer;

beforeEach(async () => {
  tmdb = await startFakeTmdb();
});

afterEach(async () => {
  await tmdb.close();
});

function clientWithKey(apiKey = TMDB_FAKE_API_KEY, timeoutMs = 2000) {
  return new TmdbClient({ baseUrl: tmdb.baseUrl, apiKey, timeoutMs });
}

function requestsTo(path: string) {
  return tmdb.requests.filter((request) => request.path === path);
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

describe('TmdbClient authentication', () => {
  it('sends a v3 API key as the api_key query parameter and no Authorization header', async () => {
    await clientWithKey().searchMovie('The Matrix');
    const search = requestsTo('/search/movie')[0];
    expect(search?.query.api_key).toBe(TMDB_FAKE_API_KEY);
    expect(search?.headers.authorization).toBeUndefined();
  });

  it('sends a v4 read access token as a Bearer header and no api_key parameter', async () => {
    const client = new TmdbClient({ baseUrl: tmdb.baseUrl, readAccessToken: TMDB_FAKE_READ_TOKEN, timeoutMs: 2000 });
    await client.searchMovie('The Matrix');
    const search = requestsTo('/search/movie')[0];
    expect(search?.headers.authorization).toBe(`Bearer ${TMDB_FAKE_READ_TOKEN}`);
    expect(search?.query).not.toHaveProperty('api_key');
  });

  it('refuses to be built without credentials', () => {
    expect(() => new TmdbClient({ baseUrl: tmdb.baseUrl, apiKey: '', timeoutMs: 2000 })).toThrow(/apiKey or a readAccessToken/);
  });

  it('reports a wrong key as a non-retryable ProviderAuthError that names TMDB', async () => {
    const error = await errorFrom(clientWithKey('wrong-key').movieDetails(603, 'en-US'));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toMatch(/^TMDB rejected the API key/);
    expect(error.message).not.toContain('wrong-key');
    expect((error as ProviderAuthError).nonRetryable).toBe(true);
  });

  it('sends a User-Agent, the Reelflow default or the configured one', async () => {
    await clientWithKey().configuration();
    await new TmdbClient({
      baseUrl: tmdb.baseUrl,
      apiKey: TMDB_FAKE_API_KEY,
      timeoutMs: 2000,
      userAgent: 'Reelflow-test/1',
    }).configuration();
    expect(tmdb.requests.map((request) => request.headers['user-agent'])).toStrictEqual(['Reelflow/0.1.0', 'Reelflow-test/1']);
  });
});

describe('TmdbClient configuration', () => {
  it('fetches /configuration once per client and reuses it for every image URL', async () => {
    const client = clientWithKey();
    await client.movieDetails(603, 'en-US');
    await client.tvDetails(1396, 'en-US');
    await client.searchMovie('The Matrix');
    expect(requestsTo('/configuration')).toHaveLength(1);
    expect(await client.configuration()).toMatchObject({ secureBaseUrl: 'https://image.tmdb.org/t/p/' });
    expect(requestsTo('/configuration')).toHaveLength(1);
  });

  it('asks again after a failed /configuration instead of remembering the failure', async () => {
    const client = clientWithKey();
    tmdb.setMode({ kind: 'server-error' });
    await expect(client.configuration()).rejects.toBeInstanceOf(ProviderUnavailableError);
    tmdb.setMode({ kind: 'normal' });
    await expect(client.configuration()).resolves.toMatchObject({ posterSizes: expect.arrayContaining(['original']) });
    expect(requestsTo('/configuration')).toHaveLength(2);
  });
});

describe('TmdbClient.movieDetails', () => {
  it('makes one details call with every appended block, the language and the image languages', async () => {
    await clientWithKey().movieDetails(603, 'en-US');
    const details = requestsTo('/movie/603');
    expect(details).toHaveLength(1);
    expect(details[0]?.query).toMatchObject({
      append_to_response: 'images,credits,videos,release_dates,keywords,external_ids',
      language: 'en-US',
      include_image_language: 'en,null',
    });
  });

  it('maps every metadata field we use', async () => {
    const { metadata } = await clientWithKey().movieDetails(603, 'en-US');
    expect(metadata).toStrictEqual({
      provider: 'tmdb',
      externalIds: { tmdb: 603, imdb: 'tt0133093' },
      title: 'The Matrix',
      originalTitle: 'The Matrix',
      year: 1999,
      premiered: '1999-03-31',
      plot: MATRIX_PLOT,
      tagline: 'Welcome to the Real World.',
      runtime: 136,
      genres: ['Action', 'Science Fiction'],
      studios: ['Village Roadshow Pictures', 'Groucho II Film Partnership', 'Silver Pictures', 'Warner Bros. Pictures'],
      countries: ['Australia', 'United States of America'],
      tags: ['artificial intelligence (a.i.)', 'dystopia', 'cyberpunk'],
      certification: 'R',
      collection: { id: 2344, name: 'The Matrix Collection' },
      ratings: [{ name: 'themoviedb', value: 8.2, votes: 26012 }],
      cast: [
        { name: 'Keanu Reeves', role: 'Neo', order: 0, thumbUrl: `${IMAGE}/4D0PpNI0kmP58hgrwGC3wCjxhnm.jpg` },
        { name: 'Laurence Fishburne', role: 'Morpheus', order: 1, thumbUrl: `${IMAGE}/8suOhUmPbfKqDQ17jQ1Gy0mI3P4.jpg` },
        { name: 'Carrie-Anne Moss', role: 'Trinity', order: 2, thumbUrl: `${IMAGE}/xD4jTA3KmVp5Rq3aHcymL9DUGjD.jpg` },
        { name: 'Hugo Weaving', role: 'Agent Smith', order: 3, thumbUrl: `${IMAGE}/lSIRrXJbyLx6tXGQQyR5pBdJvUH.jpg` },
        { name: 'Joe Pantoliano', role: 'Cypher', order: 4 },
      ],
      crew: [
        { name: 'Lana Wachowski', job: 'Director', department: 'Directing' },
        { name: 'Lilly Wachowski', job: 'Director', department: 'Directing' },
        { name: 'Lana Wachowski', job: 'Writer', department: 'Writing' },
        { name: 'Lilly Wachowski', job: 'Writer', department: 'Writing' },
        { name: 'Joel Silver', job: 'Producer', department: 'Production' },
        { name: 'Don Davis', job: 'Original Music Composer', department: 'Sound' },
      ],
      // The featurette is not a trailer; the Vimeo trailer is.
      trailers: [
        {
          site: 'YouTube',
          key: 'm8e-FF8MsqU',
          name: 'The Matrix (1999) Official Trailer',
          url: 'https://www.youtube.com/watch?v=m8e-FF8MsqU',
        },
        { site: 'Vimeo', key: '30593126', name: 'Original Trailer', url: 'https://vimeo.com/30593126' },
      ],
      status: 'Released',
    });
  });

  it('maps posters, backdrops and logos to poster, fanart and clearlogo with original-size URLs', async () => {
    const { images } = await clientWithKey().movieDetails(603, 'en-US');
    expect(images).toStrictEqual([
      {
        provider: 'tmdb',
        assetType: 'poster',
        url: `${IMAGE}/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg`,
        width: 2000,
        height: 3000,
        language: 'en',
        voteAverage: 5.8,
        voteCount: 24,
      },
      {
        provider: 'tmdb',
        assetType: 'poster',
        url: `${IMAGE}/aOIuZAjPaRIE6CMzbazvcHuHXDc.jpg`,
        width: 1400,
        height: 2100,
        language: null,
        voteAverage: 5.4,
        voteCount: 10,
      },
      {
        provider: 'tmdb',
        assetType: 'fanart',
        url: `${IMAGE}/ncEsesgOJDNrTUED89hYbA117wo.jpg`,
        width: 1920,
        height: 1080,
        language: null,
        voteAverage: 5.6,
        voteCount: 14,
      },
      {
        provider: 'tmdb',
        assetType: 'fanart',
        url: `${IMAGE}/fNG7i7RqMErkcqhohV2a6cV1Ehy.jpg`,
        width: 3840,
        height: 2160,
        language: 'en',
        voteAverage: 5.3,
        voteCount: 5,
      },
      {
        provider: 'tmdb',
        assetType: 'clearlogo',
        url: `${IMAGE}/hNqbM4Mcc9NHSPsDeNFNg9KBSh8.png`,
        width: 1500,
        height: 620,
        language: 'en',
        voteAverage: 5.3,
        voteCount: 4,
      },
    ]);
  });

  it('follows the requested language and certification country', async () => {
    const { metadata, images } = await clientWithKey().movieDetails(603, 'de-DE', 'DE');
    expect(requestsTo('/movie/603')[0]?.query.include_image_language).toBe('de,null');
    expect(metadata.title).toBe('Matrix');
    expect(metadata.originalTitle).toBe('The Matrix');
    expect(metadata.certification).toBe('16');
    // Posters in German or without text, the text-less backdrop; the English and French ones are filtered out.
    expect(images.map((image) => [image.assetType, image.language])).toStrictEqual([
      ['poster', null],
      ['poster', 'de'],
      ['fanart', null],
    ]);
  });

  it('leaves the certification out when the country has none', async () => {
    const { metadata } = await clientWithKey().movieDetails(603, 'en-US', 'FR');
    expect(metadata).not.toHaveProperty('certification');
  });
});

describe('TmdbClient.tvDetails', () => {
  it('asks for the TV blocks in one call', async () => {
    await clientWithKey().tvDetails(1396, 'en-US');
    expect(requestsTo('/tv/1396')[0]?.query).toMatchObject({
      append_to_response: 'images,credits,videos,content_ratings,external_ids',
      language: 'en-US',
      include_image_language: 'en,null',
    });
  });

  it('maps the show, its artwork (with season posters) and its seasons', async () => {
    const details = await clientWithKey().tvDetails(1396, 'en-US');
    expect(details.metadata).toStrictEqual({
      provider: 'tmdb',
      externalIds: { tmdb: 1396, imdb: 'tt0903747', tvdb: 81189 },
      title: 'Breaking Bad',
      originalTitle: 'Breaking Bad',
      year: 2008,
      premiered: '2008-01-20',
      plot: expect.stringMatching(/^Walter White, a New Mexico chemistry teacher/),
      tagline: 'Change the equation.',
      runtime: 45,
      genres: ['Drama', 'Crime'],
      studios: ['AMC', 'Sony Pictures Television Studios', 'High Bridge Productions', 'Gran Via Productions'],
      countries: ['United States of America'],
      tags: [],
      certification: 'TV-MA',
      ratings: [{ name: 'themoviedb', value: 8.9, votes: 14215 }],
      cast: [
        { name: 'Bryan Cranston', role: 'Walter White', order: 0, thumbUrl: `${IMAGE}/7Jahy5LZX2Fo8fGJltMreAI49hC.jpg` },
        { name: 'Aaron Paul', role: 'Jesse Pinkman', order: 1, thumbUrl: `${IMAGE}/8Ac9uuoYwZoYVAIJfRLzzLsGGJn.jpg` },
        { name: 'Anna Gunn', role: 'Skyler White', order: 2, thumbUrl: `${IMAGE}/adppyeu1a4REN3khtgmXusrapFi.jpg` },
        { name: 'Dean Norris', role: 'Hank Schrader', order: 3 },
      ],
      crew: [
        { name: 'Vince Gilligan', job: 'Executive Producer', department: 'Production' },
        { name: 'Dave Porter', job: 'Original Music Composer', department: 'Sound' },
      ],
      trailers: [
        { site: 'YouTube', key: 'HhesaQXLuRY', name: 'Breaking Bad - Series Trailer', url: 'https://www.youtube.com/watch?v=HhesaQXLuRY' },
      ],
      status: 'Ended',
    });
    expect(details.images.map((image) => [image.assetType, image.language, image.season])).toStrictEqual([
      ['poster', 'en', undefined],
      ['poster', null, undefined],
      ['fanart', null, undefined],
      ['clearlogo', 'en', undefined],
      ['season-poster', null, 0],
      ['season-poster', null, 1],
      ['season-poster', null, 2],
    ]);
    expect(details.images[5]?.url).toBe(`${IMAGE}/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg`);
    expect(details.seasons).toStrictEqual([
      { seasonNumber: 0, name: 'Specials', airDate: '2009-02-17', episodeCount: 9 },
      { seasonNumber: 1, name: 'Season 1', airDate: '2008-01-20', episodeCount: 7 },
      { seasonNumber: 2, name: 'Season 2', airDate: '2009-03-08', episodeCount: 13 },
      { seasonNumber: 3, name: 'Season 3', airDate: '2010-03-21', episodeCount: 13 },
    ]);
  });

  it('takes the content rating of the requested country', async () => {
    const { metadata } = await clientWithKey().tvDetails(1396, 'en-US', 'GB');
    expect(metadata.certification).toBe('18');
  });
});

describe('TmdbClient.tvSeason', () => {
  it('maps the episodes with air date, name, number and still', async () => {
    const season = await clientWithKey().tvSeason(1396, 1, 'en-US');
    expect(requestsTo('/tv/1396/season/1')[0]?.query.language).toBe('en-US');
    expect(season).toMatchObject({
      provider: 'tmdb',
      externalIds: { tmdb: 3572 },
      seasonNumber: 1,
      name: 'Season 1',
      airDate: '2008-01-20',
      images: [
        { provider: 'tmdb', assetType: 'season-poster', url: `${IMAGE}/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg`, language: null, season: 1 },
      ],
    });
    expect(season.episodes).toHaveLength(7);
    expect(season.episodes[0]).toStrictEqual({
      provider: 'tmdb',
      externalIds: { tmdb: 62085 },
      seasonNumber: 1,
      episodeNumber: 1,
      title: 'Pilot',
      airDate: '2008-01-20',
      plot: "Pilot: an episode of Breaking Bad's first season.",
      runtime: 58,
      thumbUrl: `${IMAGE}/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg`,
    });
    expect(season.episodes[6]).toMatchObject({ episodeNumber: 7, title: 'A No-Rough-Stuff-Type Deal', airDate: '2008-03-09' });
    expect(season.episodes[6]).not.toHaveProperty('thumbUrl');
  });
});

describe('TmdbClient search', () => {
  it('orders movie results by confidence, not by TMDB popularity', async () => {
    const results = await clientWithKey().searchMovie('The Matrix');
    // The fake answers in popularity order: Resurrections, The Matrix, Reloaded, Revolutions, Animatrix.
    // By edit distance a near spelling (Animatrix) beats a sequel whose title merely starts the same way.
    expect(results.map((result) => result.externalIds.tmdb)).toStrictEqual([603, 55931, 604, 605, 624860]);
    expect(results[0]).toStrictEqual({
      provider: 'tmdb',
      externalIds: { tmdb: 603 },
      title: 'The Matrix',
      originalTitle: 'The Matrix',
      year: 1999,
      overview: MATRIX_PLOT,
      posterUrl: `${IMAGE}/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg`,
      confidence: 100,
    });
    const confidences = results.map((result) => result.confidence);
    expect(confidences).toStrictEqual([...confidences].sort((a, b) => b - a));
    // The Animatrix has release_date "" and poster_path null: no year, no poster, rather than junk values.
    expect(results[1]).not.toHaveProperty('year');
    expect(results[1]).not.toHaveProperty('posterUrl');
    expect(requestsTo('/search/movie')[0]?.query).toMatchObject({ query: 'The Matrix', include_adult: 'false' });
    expect(requestsTo('/search/movie')[0]?.query).not.toHaveProperty('year');
  });

  it('passes the year to TMDB and into the confidence', async () => {
    const results = await clientWithKey().searchMovie('the matrix', 1999);
    expect(requestsTo('/search/movie')[0]?.query.year).toBe('1999');
    expect(results.map((result) => [result.externalIds.tmdb, result.confidence])).toStrictEqual([[603, 100]]);
  });

  it('searches TV by first air date year', async () => {
    const results = await clientWithKey().searchTv('Breaking Bad', 2008);
    expect(requestsTo('/search/tv')[0]?.query.first_air_date_year).toBe('2008');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ externalIds: { tmdb: 1396 }, title: 'Breaking Bad', year: 2008, confidence: 100 });
  });

  it('ranks the exact show above a longer title containing it', async () => {
    const results = await clientWithKey().searchTv('Breaking Bad');
    expect(results.map((result) => result.externalIds.tmdb)).toStrictEqual([1396, 62985]);
    expect(results[1]?.confidence).toBeLessThan(results[0]?.confidence ?? 0);
  });

  it('finds by IMDb id with certainty and keeps the IMDb id', async () => {
    const found = await clientWithKey().findByImdbId('tt0133093');
    expect(requestsTo('/find/tt0133093')[0]?.query.external_source).toBe('imdb_id');
    expect(found.tv).toStrictEqual([]);
    expect(found.movies).toHaveLength(1);
    expect(found.movies[0]).toMatchObject({ externalIds: { tmdb: 603, imdb: 'tt0133093' }, title: 'The Matrix', confidence: 100 });
    const show = await clientWithKey().findByImdbId('tt0903747');
    expect(show.tv[0]).toMatchObject({ externalIds: { tmdb: 1396, imdb: 'tt0903747' }, confidence: 100 });
  });

  it('finds a show by TVDB id with certainty and keeps the TVDB id', async () => {
    const found = await clientWithKey().findByTvdbId(81189);
    expect(requestsTo('/find/81189')[0]?.query.external_source).toBe('tvdb_id');
    expect(found.movies).toStrictEqual([]);
    expect(found.tv).toHaveLength(1);
    expect(found.tv[0]).toMatchObject({ externalIds: { tmdb: 1396, tvdb: 81189 }, title: 'Breaking Bad', confidence: 100 });
    expect(await clientWithKey().findByTvdbId(1)).toStrictEqual({ movies: [], tv: [] });
  });
});

describe('TmdbClient failures', () => {
  it('reports 429 with the Retry-After wait', async () => {
    const client = clientWithKey();
    tmdb.setMode({ kind: 'rate-limited', retryAfter: '30' });
    const error = await errorFrom(client.movieDetails(603, 'en-US'));
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(30_000);
  });

  it('reports a slow answer as ProviderUnavailableError once the timeout passes', async () => {
    const client = clientWithKey(TMDB_FAKE_API_KEY, 150);
    await client.configuration();
    tmdb.setMode({ kind: 'slow', delayMs: 2000 });
    const error = await errorFrom(client.movieDetails(603, 'en-US'));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toBe('TMDB did not answer /movie/603 within 150 ms');
  });

  it('reports a 500 as retryable ProviderUnavailableError', async () => {
    const client = clientWithKey();
    await client.configuration();
    tmdb.setMode({ kind: 'server-error' });
    const error = await errorFrom(client.tvSeason(1396, 1, 'en-US'));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).nonRetryable).toBe(false);
    expect(error.message).toContain('/tv/1396/season/1');
  });

  it('reports malformed JSON as ProviderResponseError naming the endpoint', async () => {
    const client = clientWithKey();
    await client.configuration();
    tmdb.setMode({ kind: 'malformed-json' });
    const error = await errorFrom(client.movieDetails(603, 'en-US'));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.message).toBe('TMDB returned malformed JSON from /movie/603');
  });
});
