import { headerValue, startHttpFake, type FakeMode, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Fanart.tv v3 (https://fanarttv.docs.apiary.io/) with The Matrix (TMDB 603 / tt0133093) and
// Breaking Bad (TVDB 81189). The project key comes as an `api-key` header (or `api_key` parameter); an
// unknown id is a 404 with Fanart.tv's JSON error body.

export const FANART_FAKE_API_KEY = 'fanart-fake-api-key';

export interface FakeFanartOptions {
  apiKey?: string;
  mode?: FakeMode;
}

export function startFakeFanart(options: FakeFanartOptions = {}): Promise<FakeServer> {
  const apiKey = options.apiKey ?? FANART_FAKE_API_KEY;
  return startHttpFake({
    apiRoot: '/v3',
    errorBody: fanartErrorBody,
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => {
      const presented = headerValue(request, 'api-key') ?? request.query.api_key;
      if (presented !== apiKey) return { status: 401, json: fanartErrorBody(401) };
      return routeFanart(request);
    },
  });
}

function routeFanart(request: RecordedRequest): FakeReply {
  if (request.method !== 'GET') return { status: 405, json: fanartErrorBody(405) };
  const movie = /^\/movies\/([^/]+)$/.exec(request.path);
  if (movie && (movie[1] === '603' || movie[1] === 'tt0133093')) return { status: 200, json: THE_MATRIX };
  if (request.path === '/tv/81189') return { status: 200, json: BREAKING_BAD };
  return { status: 404, json: fanartErrorBody(404) };
}

export function fanartErrorBody(status: number): unknown {
  switch (status) {
    case 401:
      return { status: 'error', 'error message': 'Invalid API key' };
    case 404:
      return { status: 'error', 'error message': 'Not found' };
    case 429:
      return { status: 'error', 'error message': 'Too many requests' };
    default:
      return { status: 'error', 'error message': 'Server error' };
  }
}

const ASSETS = 'https://assets.fanart.tv/fanart';

function img(id: number, kind: string, slug: string, lang: string, likes: number, extra: Record<string, string> = {}) {
  return {
    id: String(id),
    url: `${ASSETS}/${kind}/${slug}-${id}.${/logo|art|disc/.test(kind) ? 'png' : 'jpg'}`,
    lang,
    likes: String(likes),
    ...extra,
  };
}

const m = (kind: string) => `movies/603/${kind}`;

export const THE_MATRIX = {
  name: 'The Matrix',
  tmdb_id: '603',
  imdb_id: 'tt0133093',
  hdmovielogo: [img(8447, m('hdmovielogo'), 'the-matrix-5049c1b9a3a2c', 'en', 12)],
  movielogo: [img(2123, m('movielogo'), 'the-matrix-4ef8d2ec7a3d1', 'en', 3)],
  hdmovieclearart: [img(9911, m('hdmovieclearart'), 'the-matrix-50c7bd4e8f0fa', 'en', 7)],
  movieart: [img(3321, m('movieart'), 'the-matrix-4f1a09d83e0b2', 'en', 2)],
  moviedisc: [img(5512, m('moviedisc'), 'the-matrix-4f9fe36b9b1a5', 'en', 4, { disc: '1', disc_type: 'bluray' })],
  moviethumb: [img(6601, m('moviethumb'), 'the-matrix-5200b4bc2e1ba', 'en', 5)],
  moviebackground: [
    img(1101, m('moviebackground'), 'the-matrix-4f8a04b4e1a6d', '', 9),
    img(1102, m('moviebackground'), 'the-matrix-5a1e1a6e1c3f0', '00', 4),
  ],
  movieposter: [
    img(7701, m('movieposter'), 'the-matrix-52b6a1a1e5b3f', 'en', 11),
    img(7702, m('movieposter'), 'the-matrix-5bd1d1a2c7a9e', '00', 8),
    img(7703, m('movieposter'), 'the-matrix-58a1b9f2e0c44', 'de', 1),
  ],
  moviebanner: [img(4401, m('moviebanner'), 'the-matrix-52c5a9a7b1d0c', 'en', 2)],
};

const t = (kind: string) => `tv/81189/${kind}`;

export const BREAKING_BAD = {
  name: 'Breaking Bad',
  thetvdb_id: '81189',
  hdtvlogo: [img(21001, t('hdtvlogo'), 'breaking-bad-504c3e5e7d2c1', 'en', 25)],
  clearlogo: [img(21002, t('clearlogo'), 'breaking-bad-4dc6e5f7d3a1b', 'en', 6)],
  hdclearart: [img(21003, t('hdclearart'), 'breaking-bad-50a1f0c2b9e7d', 'en', 10)],
  clearart: [img(21004, t('clearart'), 'breaking-bad-4e3a2b1c0d9f8', 'en', 3)],
  showbackground: [img(21005, t('showbackground'), 'breaking-bad-4f5e6d7c8b9a0', '', 14, { season: 'all' })],
  tvposter: [img(21006, t('tvposter'), 'breaking-bad-52a3b4c5d6e7f', 'en', 9)],
  tvbanner: [img(21007, t('tvbanner'), 'breaking-bad-51b2c3d4e5f6a', 'en', 4)],
  tvthumb: [img(21008, t('tvthumb'), 'breaking-bad-50c1d2e3f4a5b', 'en', 7)],
  characterart: [img(21009, t('characterart'), 'breaking-bad-53d4e5f6a7b8c', 'en', 5)],
  seasonposter: [
    img(21010, t('seasonposter'), 'breaking-bad-5311a2b3c4d5e', 'en', 4, { season: '1' }),
    img(21011, t('seasonposter'), 'breaking-bad-5322b3c4d5e6f', 'en', 2, { season: '0' }),
    img(21012, t('seasonposter'), 'breaking-bad-5333c4d5e6f7a', 'en', 1, { season: 'all' }),
    img(21013, t('seasonposter'), 'breaking-bad-5344d5e6f7a8b', 'en', 1, { season: '' }),
  ],
  seasonthumb: [img(21014, t('seasonthumb'), 'breaking-bad-5355e6f7a8b9c', 'en', 1, { season: '2' })],
  seasonbanner: [img(21015, t('seasonbanner'), 'breaking-bad-5366f7a8b9c0d', 'en', 1, { season: '3' })],
};
