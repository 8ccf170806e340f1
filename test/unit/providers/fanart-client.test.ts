import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProviderAuthError,
  ProviderNotFoundError,
  ProviderRateLimitError,
  ProviderResponseError,
  ProviderUnavailableError,
} from '../../../src/providers/http/errors.js';
import { FanartClient } from '../../../src/providers/fanart/fanart-client.js';
import { ALL_SEASONS, type ProviderImage } from '../../../src/providers/types.js';
import { FANART_FAKE_API_KEY, startFakeFanart } from '../../fakes/fanart.js';
import type { FakeServer } from '../../fakes/http-fake.js';

const ASSETS = 'https://assets.fanart.tv/fanart';

let fanart: FakeServer;

beforeEach(async () => {
  fanart = await startFakeFanart();
});

afterEach(async () => {
  await fanart.close();
});

function client(options: { apiKey?: string; clientKey?: string; baseUrl?: string; timeoutMs?: number } = {}) {
  return new FanartClient({
    baseUrl: options.baseUrl ?? fanart.baseUrl,
    apiKey: options.apiKey ?? FANART_FAKE_API_KEY,
    ...(options.clientKey ? { clientKey: options.clientKey } : {}),
    timeoutMs: options.timeoutMs ?? 2000,
  });
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

function summary(images: ProviderImage[]) {
  return images.map((image) => [image.assetType, image.language, image.voteCount, image.season]);
}

describe('FanartClient authentication', () => {
  it('sends the project key as the api-key header, never in the URL, and the client key when given', async () => {
    await client().movieImages(603);
    await client({ clientKey: 'personal-key' }).movieImages(603);
    const [withoutClientKey, withClientKey] = fanart.requests;
    expect(withoutClientKey?.headers['api-key']).toBe(FANART_FAKE_API_KEY);
    expect(withoutClientKey?.headers['client-key']).toBeUndefined();
    expect(withoutClientKey?.query).toStrictEqual({});
    expect(withClientKey?.headers['client-key']).toBe('personal-key');
  });

  it('reports a wrong key as a non-retryable ProviderAuthError naming Fanart.tv', async () => {
    const error = await errorFrom(client({ apiKey: 'wrong' }).tvImages(81189));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toBe('Fanart.tv rejected the API key (HTTP 401 from /tv/81189: Invalid API key)');
  });
});

describe('FanartClient.movieImages', () => {
  it('maps every movie image type, with keyart for language-less posters', async () => {
    const images = await client().movieImages(603);
    expect(fanart.requests[0]?.path).toBe('/movies/603');
    expect(summary(images)).toStrictEqual([
      ['clearlogo', 'en', 12, undefined],
      ['clearlogo', 'en', 3, undefined],
      ['clearart', 'en', 7, undefined],
      ['clearart', 'en', 2, undefined],
      ['discart', 'en', 4, undefined],
      ['landscape', 'en', 5, undefined],
      ['fanart', null, 9, undefined],
      ['fanart', null, 4, undefined],
      ['poster', 'en', 11, undefined],
      ['poster', null, 8, undefined],
      ['keyart', null, 8, undefined],
      ['poster', 'de', 1, undefined],
      ['banner', 'en', 2, undefined],
    ]);
  });

  it('keeps URLs as given and knows the fixed sizes of HD and SD logos and clear art', async () => {
    const images = await client().movieImages(603);
    expect(images[0]).toStrictEqual({
      provider: 'fanart_tv',
      assetType: 'clearlogo',
      url: `${ASSETS}/movies/603/hdmovielogo/the-matrix-5049c1b9a3a2c-8447.png`,
      width: 800,
      height: 310,
      language: 'en',
      voteCount: 12,
    });
    expect([images[1]?.width, images[1]?.height]).toStrictEqual([400, 155]);
    expect([images[2]?.width, images[3]?.width, images[4]?.width]).toStrictEqual([1000, 500, 1000]);
    // Posters vary in size on Fanart.tv, so none is claimed.
    expect(images[8]).not.toHaveProperty('width');
    const keyart = images.find((image) => image.assetType === 'keyart');
    expect(keyart?.url).toBe(`${ASSETS}/movies/603/movieposter/the-matrix-5bd1d1a2c7a9e-7702.jpg`);
  });

  it('accepts an IMDb id', async () => {
    const images = await client().movieImages('tt0133093');
    expect(fanart.requests[0]?.path).toBe('/movies/tt0133093');
    expect(images).toHaveLength(13);
  });

  it('returns no images for a movie Fanart.tv does not know (its 404 with a JSON error body)', async () => {
    await expect(client().movieImages(999999)).resolves.toStrictEqual([]);
    await expect(client().tvImages(1)).resolves.toStrictEqual([]);
  });

  it('still fails on a 404 that is not Fanart.tv answering, such as a wrong base URL', async () => {
    const wrongBase = fanart.baseUrl.replace(/\/v3$/, '/v2');
    const error = await errorFrom(client({ baseUrl: wrongBase }).movieImages(603));
    expect(error).toBeInstanceOf(ProviderNotFoundError);
  });
});

describe('FanartClient.tvImages', () => {
  it('maps every show image type, with season numbers for season artwork', async () => {
    const images = await client().tvImages(81189);
    expect(fanart.requests[0]?.path).toBe('/tv/81189');
    expect(summary(images)).toStrictEqual([
      ['clearlogo', 'en', 25, undefined],
      ['clearlogo', 'en', 6, undefined],
      ['clearart', 'en', 10, undefined],
      ['clearart', 'en', 3, undefined],
      ['fanart', null, 14, undefined],
      ['poster', 'en', 9, undefined],
      ['banner', 'en', 4, undefined],
      ['landscape', 'en', 7, undefined],
      ['characterart', 'en', 5, undefined],
      ['season-poster', 'en', 4, 1],
      ['season-poster', 'en', 2, 0],
      // "all" is Kodi's every-season artwork; the poster with an empty season is dropped.
      ['season-poster', 'en', 1, ALL_SEASONS],
      ['season-banner', 'en', 1, 3],
      ['season-landscape', 'en', 1, 2],
    ]);
    expect(images.some((image) => image.assetType === 'keyart')).toBe(false);
    expect([images[0]?.width, images[0]?.height]).toStrictEqual([800, 310]);
  });
});

describe('FanartClient failures', () => {
  it('reports 429 with its Retry-After', async () => {
    fanart.setMode({ kind: 'rate-limited', retryAfter: '1' });
    const error = await errorFrom(client().movieImages(603));
    expect(error).toBeInstanceOf(ProviderRateLimitError);
    expect((error as ProviderRateLimitError).retryAfterMs).toBe(1000);
  });

  it('reports a 500 and a timeout as ProviderUnavailableError', async () => {
    fanart.setMode({ kind: 'server-error' });
    await expect(client().movieImages(603)).rejects.toBeInstanceOf(ProviderUnavailableError);
    fanart.setMode({ kind: 'slow', delayMs: 1500 });
    await expect(client({ timeoutMs: 100 }).movieImages(603)).rejects.toThrow('Fanart.tv did not answer /movies/603 within 100 ms');
  });

  it('reports malformed JSON as ProviderResponseError naming the endpoint', async () => {
    fanart.setMode({ kind: 'malformed-json' });
    const error = await errorFrom(client().tvImages(81189));
    expect(error).toBeInstanceOf(ProviderResponseError);
    expect(error.message).toBe('Fanart.tv returned malformed JSON from /tv/81189');
  });
});
