import { headerValue, startHttpFake, type FakeMode, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback TVDB v4 (https://thetvdb.github.io/v4-api/) with Breaking Bad (81189) and any extra shows a
// test lists: POST /login issues bearer tokens, every other endpoint requires one, and answers are wrapped as
// {status, data}.

export const TVDB_FAKE_API_KEY = 'tvdb-fake-api-key';

export interface FakeTvdbOptions {
  apiKey?: string;
  /** When set, logins must carry this subscriber PIN too. */
  pin?: string;
  mode?: FakeMode;
  /** More series beside Breaking Bad, e.g. one TMDB does not know. */
  shows?: FakeTvdbShow[];
}

export interface FakeTvdbShow {
  id: number;
  name: string;
  /** Aired order; `id` is TVDB's season id, which /seasons/{id}/extended answers for. */
  seasons: { id: number; number: number; episodes: { id: number; number: number; name: string; aired: string }[] }[];
}

export interface FakeTvdb extends FakeServer {
  /** Invalidates every token issued so far, as TVDB does when a token expires (after about a month). */
  expireTokens(): void;
  /** Tokens issued, in order. */
  issuedTokens: string[];
}

export async function startFakeTvdb(options: FakeTvdbOptions = {}): Promise<FakeTvdb> {
  const apiKey = options.apiKey ?? TVDB_FAKE_API_KEY;
  const validTokens = new Set<string>();
  const issuedTokens: string[] = [];

  const server = await startHttpFake({
    apiRoot: '/v4',
    errorBody: tvdbErrorBody,
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => {
      if (request.path === '/login') return login(request);
      const authorization = headerValue(request, 'authorization') ?? '';
      const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : '';
      if (!validTokens.has(token)) return { status: 401, json: tvdbErrorBody(401) };
      return routeExtraShow(request, options.shows ?? []) ?? routeTvdb(request);
    },
  });

  function login(request: RecordedRequest): FakeReply {
    if (request.method !== 'POST') return { status: 405, json: tvdbErrorBody(405) };
    let credentials: { apikey?: unknown; pin?: unknown } = {};
    try {
      credentials = JSON.parse(request.body) as typeof credentials;
    } catch {
      return { status: 400, json: tvdbErrorBody(400) };
    }
    if (credentials.apikey !== apiKey || (options.pin !== undefined && credentials.pin !== options.pin)) {
      return { status: 401, json: { status: 'failure', message: 'InvalidAPIKey: the API key you provided is not valid', data: null } };
    }
    const token = `fake-tvdb-token-${issuedTokens.length + 1}`;
    issuedTokens.push(token);
    validTokens.add(token);
    return { status: 200, json: { status: 'success', data: { token } } };
  }

  return {
    ...server,
    issuedTokens,
    expireTokens() {
      validTokens.clear();
    },
  };
}

function routeTvdb(request: RecordedRequest): FakeReply {
  if (request.method !== 'GET') return { status: 405, json: tvdbErrorBody(405) };
  const translations = request.query.meta === 'translations';
  switch (request.path) {
    case '/series/81189/extended':
      return success(translations ? { ...BREAKING_BAD_SERIES, translations: BREAKING_BAD_TRANSLATIONS } : BREAKING_BAD_SERIES);
    case '/series/81189/artworks':
      return success({ ...seriesBase(), artworks: BREAKING_BAD_SERIES.artworks, seasons: BREAKING_BAD_SERIES.seasons });
    case '/seasons/30272/extended':
      return success(BREAKING_BAD_SEASON_1);
    case '/episodes/349232/extended':
      return success(translations ? { ...PILOT_EPISODE, translations: PILOT_TRANSLATIONS } : PILOT_EPISODE);
    default:
      return { status: 404, json: tvdbErrorBody(404) };
  }
}

/** The extra series: Breaking Bad's documented shapes with their own ids, names, seasons and episodes. */
function routeExtraShow(request: RecordedRequest, shows: FakeTvdbShow[]): FakeReply | undefined {
  const series = /^\/series\/(\d+)\/(extended|artworks)$/.exec(request.path);
  const show = series ? shows.find((s) => s.id === Number(series[1])) : undefined;
  if (series && show) {
    const seasons = show.seasons.map((s) => season(s.id, s.number, null, 'official', show.id));
    const base = {
      ...seriesBase(),
      id: show.id,
      name: show.name,
      slug: show.name.toLowerCase().replace(/\W+/g, '-'),
      image: null,
      nameTranslations: ['eng'],
      overviewTranslations: [],
      aliases: [],
      overview: null,
    };
    if (series[2] === 'artworks') return success({ ...base, artworks: [], seasons });
    const record = {
      ...base,
      artworks: [],
      companies: [],
      originalNetwork: null,
      latestNetwork: null,
      genres: [],
      trailers: [],
      lists: [],
      remoteIds: [],
      characters: [],
      seasons,
      contentRatings: [],
      tags: [],
    };
    const translations = {
      nameTranslations: [{ name: show.name, language: 'eng', isPrimary: true, isAlias: false, tagline: null }],
      overviewTranslations: [],
      alias: [],
    };
    return success(request.query.meta === 'translations' ? { ...record, translations } : record);
  }
  const seasonPath = /^\/seasons\/(\d+)\/extended$/.exec(request.path);
  if (!seasonPath) return undefined;
  for (const owner of shows) {
    const found = owner.seasons.find((s) => s.id === Number(seasonPath[1]));
    if (!found) continue;
    return success({
      ...season(found.id, found.number, null, 'official', owner.id),
      year: found.episodes[0]?.aired.slice(0, 4) ?? null,
      episodes: found.episodes.map((e) => ({
        ...episodeRecord(e.id, e.number, e.name, e.aired, 30),
        seriesId: owner.id,
        seasonNumber: found.number,
        absoluteNumber: null,
        finaleType: null,
      })),
      artwork: [],
      trailers: [],
      tagOptions: null,
    });
  }
  return undefined;
}

function success(data: unknown): FakeReply {
  return { status: 200, json: { status: 'success', data } };
}

export function tvdbErrorBody(status: number): unknown {
  switch (status) {
    case 401:
      return { status: 'failure', message: 'Unauthorized', data: null };
    case 404:
      return { status: 'failure', message: 'NotFoundException: the record was not found', data: null };
    case 429:
      return { status: 'failure', message: 'Too Many Requests', data: null };
    case 400:
      return { status: 'failure', message: 'BadRequest: malformed request body', data: null };
    default:
      return { status: 'failure', message: 'InternalServerError', data: null };
  }
}

const ARTWORKS = 'https://artworks.thetvdb.com/banners';

function artwork(
  id: number,
  type: number,
  image: string,
  language: string | null,
  width: number,
  height: number,
  score: number,
  seasonId?: number,
) {
  return {
    id,
    image: `${ARTWORKS}/${image}`,
    thumbnail: `${ARTWORKS}/${image.replace(/\.(jpg|png)$/, '_t.$1')}`,
    language,
    type,
    score,
    width,
    height,
    includesText: language !== null,
    thumbnailWidth: Math.round(width / 2),
    thumbnailHeight: Math.round(height / 2),
    updatedAt: 1700000000,
    status: { id: 1, name: null },
    tagOptions: null,
    ...(seasonId === undefined ? {} : { seasonId }),
  };
}

function seriesBase() {
  return {
    id: 81189,
    name: 'Breaking Bad',
    slug: 'breaking-bad',
    image: `${ARTWORKS}/posters/81189-10.jpg`,
    nameTranslations: ['deu', 'eng', 'fra', 'ita', 'rus'],
    overviewTranslations: ['deu', 'eng', 'fra', 'ita'],
    aliases: [{ language: 'deu', name: 'Breaking Bad – Die Serie' }],
    firstAired: '2008-01-20',
    lastAired: '2013-09-29',
    nextAired: '',
    score: 1204561,
    status: { id: 2, name: 'Ended', recordType: 'series', keepUpdated: false },
    originalCountry: 'usa',
    originalLanguage: 'eng',
    defaultSeasonType: 1,
    isOrderRandomized: false,
    lastUpdated: '2024-05-02 08:41:17',
    averageRuntime: 47,
    episodes: null,
    overview:
      'Walter White, a struggling high school chemistry teacher, is diagnosed with advanced lung cancer. He turns to a life of crime, producing and selling methamphetamine with a former student.',
    year: '2008',
  };
}

function season(id: number, number: number, image: string | null, orderType: 'official' | 'dvd' = 'official', seriesId = 81189) {
  return {
    id,
    seriesId,
    type:
      orderType === 'official'
        ? { id: 1, name: 'Aired Order', type: 'official', alternateName: null }
        : { id: 2, name: 'DVD Order', type: 'dvd', alternateName: null },
    number,
    nameTranslations: [],
    overviewTranslations: [],
    image: image === null ? null : `${ARTWORKS}/${image}`,
    imageType: 7,
    companies: { studio: null, network: null, production: null, distributor: null, special_effects: null },
    lastUpdated: '2023-11-18 12:00:00',
  };
}

function character(
  id: number,
  name: string | null,
  personName: string,
  peopleType: string,
  type: number,
  sort: number,
  personImgURL: string | null,
) {
  return {
    id,
    name,
    peopleId: id + 100000,
    seriesId: 81189,
    series: null,
    movie: null,
    movieId: null,
    episodeId: null,
    type,
    image: name ? `${ARTWORKS}/actors/${id}.jpg` : null,
    sort,
    isFeatured: type === 3 && sort < 3,
    url: `https://thetvdb.com/people/${id + 100000}`,
    nameTranslations: null,
    overviewTranslations: null,
    aliases: null,
    peopleType,
    personName,
    tagOptions: null,
    personImgURL,
  };
}

export const BREAKING_BAD_SERIES = {
  ...seriesBase(),
  artworks: [
    artwork(62016, 2, 'posters/81189-10.jpg', 'eng', 680, 1000, 100112),
    artwork(62017, 2, 'posters/81189-2.jpg', 'deu', 680, 1000, 20011),
    artwork(62018, 3, 'fanart/original/81189-21.jpg', null, 1920, 1080, 100071),
    artwork(62019, 1, 'graphical/81189-g21.jpg', 'eng', 758, 140, 10005),
    artwork(62020, 5, 'v4/series/81189/icons/icon.png', 'eng', 1024, 1024, 1),
    artwork(62021, 22, 'v4/series/81189/clearart/clearart.png', 'eng', 1000, 562, 10003),
    artwork(62022, 23, 'v4/series/81189/clearlogo/clearlogo.png', 'eng', 800, 310, 10004),
    artwork(62023, 7, 'seasons/81189-1-4.jpg', 'eng', 680, 1000, 10002, 30272),
    artwork(62024, 7, 'seasons/81189-9-1.jpg', 'eng', 680, 1000, 10001, 999999),
    artwork(62025, 6, 'seasonswide/81189-1.jpg', 'eng', 758, 140, 10001, 491234),
  ],
  companies: [
    {
      id: 29,
      name: 'AMC',
      slug: 'amc',
      country: 'usa',
      primaryCompanyType: 1,
      companyType: { companyTypeId: 1, companyTypeName: 'Network' },
    },
    {
      id: 4071,
      name: 'Sony Pictures Television',
      slug: 'sony-pictures-television',
      country: 'usa',
      primaryCompanyType: 3,
      companyType: { companyTypeId: 3, companyTypeName: 'Production Company' },
    },
  ],
  originalNetwork: { id: 29, name: 'AMC', slug: 'amc', country: 'usa', primaryCompanyType: 1 },
  latestNetwork: { id: 29, name: 'AMC', slug: 'amc', country: 'usa', primaryCompanyType: 1 },
  genres: [
    { id: 5, name: 'Drama', slug: 'drama' },
    { id: 20, name: 'Crime', slug: 'crime' },
    { id: 28, name: 'Thriller', slug: 'thriller' },
  ],
  trailers: [{ id: 26716, name: 'Breaking Bad Trailer', url: 'https://www.youtube.com/watch?v=HhesaQXLuRY', language: 'eng', runtime: 0 }],
  lists: [],
  remoteIds: [
    { id: 'tt0903747', type: 2, sourceName: 'IMDB' },
    { id: '1396', type: 12, sourceName: 'TheMovieDB.com' },
    { id: 'Q1079', type: 18, sourceName: 'Wikidata' },
  ],
  characters: [
    character(67214, 'Jesse Pinkman', 'Aaron Paul', 'Actor', 3, 1, `${ARTWORKS}/person/281656/aaron.jpg`),
    character(67213, 'Walter White', 'Bryan Cranston', 'Actor', 3, 0, `${ARTWORKS}/person/248442/bryan.jpg`),
    character(67215, 'Skyler White', 'Anna Gunn', 'Actor', 3, 2, null),
    character(67300, null, 'Vince Gilligan', 'Creator', 10, 0, null),
    character(67301, null, 'Michelle MacLaren', 'Director', 1, 0, null),
    character(67302, 'Tuco Salamanca', 'Raymond Cruz', 'Guest Star', 4, 0, null),
  ],
  seasons: [
    season(137801, 0, 'seasons/81189-0.jpg'),
    season(30272, 1, 'seasons/81189-1.jpg'),
    season(30273, 2, null),
    season(491234, 1, 'seasons/81189-1-dvd.jpg', 'dvd'),
  ],
  contentRatings: [
    { id: 4, name: 'TV-MA', country: 'usa', description: '', contentType: '', order: 0, fullname: null },
    { id: 52, name: '16', country: 'deu', description: '', contentType: '', order: 0, fullname: null },
  ],
  tags: [],
};

const BREAKING_BAD_TRANSLATIONS = {
  nameTranslations: [
    { name: 'Breaking Bad', language: 'eng', isPrimary: true, isAlias: false, tagline: null },
    { name: 'Breaking Bad', language: 'deu', isPrimary: false, isAlias: false, tagline: null },
    { name: 'Во все тяжкие', language: 'rus', isPrimary: false, isAlias: false, tagline: null },
    { name: 'Reazione a catena', language: 'ita', isPrimary: false, isAlias: true, tagline: null },
  ],
  overviewTranslations: [
    {
      overview:
        "When Walter White, a New Mexico chemistry teacher, is diagnosed with Stage III cancer and given a prognosis of only two years left to live, he becomes filled with a sense of fearlessness and an unrelenting desire to secure his family's financial future at any cost.",
      language: 'eng',
      isPrimary: true,
    },
    {
      overview: 'Der Chemielehrer Walter White erfährt, dass er unheilbar an Lungenkrebs erkrankt ist.',
      language: 'deu',
      isPrimary: false,
    },
  ],
  alias: ['Breaking Bad – Die Serie'],
};

function episodeRecord(id: number, number: number, name: string | null, aired: string, runtime: number) {
  return {
    id,
    seriesId: 81189,
    name,
    aired,
    runtime,
    nameTranslations: ['eng', 'deu'],
    overview: name ? `${name}: Walter and Jesse's story continues.` : null,
    overviewTranslations: ['eng', 'deu'],
    image: `/banners/episodes/81189/${id}.jpg`,
    imageType: 11,
    isMovie: 0,
    seasons: null,
    number,
    absoluteNumber: number,
    seasonNumber: 1,
    lastUpdated: '2023-10-01 10:00:00',
    finaleType: number === 7 ? 'season' : null,
    year: '2008',
  };
}

const BREAKING_BAD_SEASON_1 = {
  ...season(30272, 1, 'seasons/81189-1.jpg'),
  year: '2008',
  // Out of order on purpose: TVDB does not promise episode order within a season record.
  episodes: [
    episodeRecord(349235, 2, "Cat's in the Bag...", '2008-01-27', 48),
    episodeRecord(349232, 1, 'Pilot', '2008-01-20', 58),
    episodeRecord(349236, 3, "...And the Bag's in the River", '2008-02-10', 48),
    episodeRecord(349237, 4, null, '2008-02-17', 48),
  ],
  artwork: [
    artwork(70001, 7, 'seasons/81189-1-4.jpg', 'eng', 680, 1000, 10002, 30272),
    artwork(70002, 6, 'seasonswide/81189-1.jpg', null, 758, 140, 10001, 30272),
  ],
  trailers: [],
  tagOptions: null,
};

const PILOT_EPISODE = {
  ...episodeRecord(349232, 1, 'Pilot', '2008-01-20', 58),
  remoteIds: [
    { id: 'tt0959621', type: 2, sourceName: 'IMDB' },
    { id: '62085', type: 12, sourceName: 'TheMovieDB.com' },
  ],
  characters: [],
  contentRatings: [],
  trailers: [],
  networks: [],
  nominations: null,
  companies: [],
};

const PILOT_TRANSLATIONS = {
  nameTranslations: [
    { name: 'Pilot', language: 'eng', isPrimary: true },
    { name: 'Der Einstieg', language: 'deu', isPrimary: false },
  ],
  overviewTranslations: [
    {
      overview:
        'Diagnosed with terminal lung cancer, chemistry teacher Walter White teams up with his former student to cook crystal meth.',
      language: 'eng',
    },
    { overview: 'Der Chemielehrer Walter White beschließt, Crystal Meth herzustellen.', language: 'deu' },
  ],
  alias: [],
};
