import { headerValue, startHttpFake, type FakeMode, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback TMDB v3 (https://developer.themoviedb.org/reference) with The Matrix (603, tt0133093) and
// Breaking Bad (1396, tt0903747, TVDB 81189). Bodies follow the documented shapes, including the fields
// Reelflow ignores, and `append_to_response` / `include_image_language` are honoured as TMDB does.

export const TMDB_FAKE_API_KEY = 'tmdb-fake-api-key';
export const TMDB_FAKE_READ_TOKEN = 'tmdb-fake-read-access-token';

export interface FakeTmdbOptions {
  apiKey?: string;
  readAccessToken?: string;
  mode?: FakeMode;
  /** Change lists, a synthetic catalogue and a rate limit: see FakeTmdbExtras at the end of this file. */
  extras?: FakeTmdbExtras;
  /** Library pipeline: where /configuration says images live (a loopback image host), instead of image.tmdb.org. */
  imageBaseUrl?: string;
  /** More shows beside Breaking Bad, e.g. one with an episode airing in the future. */
  shows?: FakeTmdbShow[];
}

/**
 * An extra show. Its seasons and status are read at each request, so a test may change them while it runs
 * (an episode announced, an air date moved, the show ended).
 */
export interface FakeTmdbShow {
  id: number;
  name: string;
  seasons: { number: number; episodes: { number: number; name: string; airDate: string }[] }[];
  /** TMDB's status ("Returning Series", "Ended"…); Breaking Bad's "Ended" when not given. */
  status?: string;
}

export function startFakeTmdb(options: FakeTmdbOptions = {}): Promise<FakeServer> {
  const apiKey = options.apiKey ?? TMDB_FAKE_API_KEY;
  const readAccessToken = options.readAccessToken ?? TMDB_FAKE_READ_TOKEN;
  return startHttpFake({
    apiRoot: '/3',
    errorBody: tmdbErrorBody,
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => {
      const authorised = request.query.api_key === apiKey || headerValue(request, 'authorization') === `Bearer ${readAccessToken}`;
      if (!authorised) return { status: 401, json: tmdbErrorBody(401) };
      if (options.imageBaseUrl && request.path === '/configuration') return ok(configurationWithImageBase(options.imageBaseUrl));
      return (
        (options.extras && routeTmdbExtras(request, options.extras)) || routeExtraShow(request, options.shows ?? []) || routeTmdb(request)
      );
    },
  });
}

/** The extra shows: Breaking Bad's documented shapes with their own ids, names and episodes. */
function routeExtraShow(request: RecordedRequest, shows: FakeTmdbShow[]): FakeReply | undefined {
  const match = /^\/tv\/(\d+)(?:\/season\/(\d+))?$/.exec(request.path);
  const show = match ? shows.find((s) => s.id === Number(match[1])) : undefined;
  if (!match || !show) return undefined;
  if (match[2] === undefined) {
    return ok({
      ...BREAKING_BAD_TV,
      id: show.id,
      name: show.name,
      original_name: show.name,
      ...(show.status ? { status: show.status } : {}),
      number_of_seasons: show.seasons.length,
      seasons: show.seasons.map((season) => ({
        air_date: season.episodes[0]?.airDate ?? null,
        episode_count: season.episodes.length,
        id: show.id * 100 + season.number,
        name: `Season ${season.number}`,
        overview: '',
        poster_path: null,
        season_number: season.number,
        vote_average: 0,
      })),
    });
  }
  const season = show.seasons.find((s) => s.number === Number(match[2]));
  if (!season) return { status: 404, json: tmdbErrorBody(404) };
  return ok({
    ...BREAKING_BAD_SEASON_1,
    id: show.id * 100 + season.number,
    name: `Season ${season.number}`,
    season_number: season.number,
    air_date: season.episodes[0]?.airDate ?? null,
    episodes: season.episodes.map((e) => ({
      ...episode(show.id * 1000 + e.number, e.number, e.name, e.airDate, 30, null),
      season_number: season.number,
      show_id: show.id,
    })),
  });
}

function routeTmdb(request: RecordedRequest): FakeReply {
  if (request.method !== 'GET') return { status: 405, json: tmdbErrorBody(405) };
  const { path, query } = request;
  if (path === '/configuration') return ok(CONFIGURATION);
  if (path === '/search/movie') return ok(searchPage(MOVIE_SEARCH, query.query, query.year, 'release_date'));
  if (path === '/search/tv') return ok(searchPage(TV_SEARCH, query.query, query.first_air_date_year, 'first_air_date'));

  const find = /^\/find\/([^/]+)$/.exec(path);
  if (find) return findByExternalId(decodeURIComponent(find[1] ?? ''), query.external_source);

  if (path === '/movie/603') return ok(withAppended(matrixMovie(query.language), MATRIX_APPENDABLE, query));
  if (path === '/tv/1396') return ok(withAppended(BREAKING_BAD_TV, BREAKING_BAD_APPENDABLE, query));
  if (path === '/tv/1396/season/1') return ok(BREAKING_BAD_SEASON_1);
  return { status: 404, json: tmdbErrorBody(404) };
}

export function tmdbErrorBody(status: number): unknown {
  switch (status) {
    case 401:
      return { status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.', success: false };
    case 404:
      return { success: false, status_code: 34, status_message: 'The resource you requested could not be found.' };
    case 429:
      return { status_code: 25, status_message: 'Your request count (41) is over the allowed limit of (40).', success: false };
    case 400:
      return { status_code: 5, status_message: 'Invalid parameters: Your request parameters are incorrect.', success: false };
    case 405:
      return {
        status_code: 3,
        status_message: 'Authentication failed: You do not have permissions to access the service.',
        success: false,
      };
    default:
      return { status_code: 11, status_message: 'Internal error: Something went wrong, contact TMDB.', success: false };
  }
}

function ok(json: unknown): FakeReply {
  return { status: 200, json };
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** TMDB's search is fuzzy; here every query word must appear in the title, and a year filters strictly. */
function searchPage(catalogue: readonly Record<string, unknown>[], text: string | undefined, year: string | undefined, dateField: string) {
  const words = fold(text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const results = catalogue
    .filter((item) => {
      const title = fold(String(item.title ?? item.name));
      return words.length > 0 && words.every((word) => title.includes(word));
    })
    .filter((item) => !year || String(item[dateField]).startsWith(year))
    .sort((a, b) => Number(b.popularity) - Number(a.popularity));
  return { page: 1, results, total_pages: 1, total_results: results.length };
}

function findByExternalId(id: string, source: string | undefined): FakeReply {
  if (source !== 'imdb_id' && source !== 'tvdb_id') return { status: 400, json: tmdbErrorBody(400) };
  const movie = MOVIE_SEARCH.find((item) => item.id === 603);
  const tv = TV_SEARCH.find((item) => item.id === 1396);
  const movieMatch = source === 'imdb_id' && id === 'tt0133093';
  const tvMatch = (source === 'imdb_id' && id === 'tt0903747') || (source === 'tvdb_id' && id === '81189');
  return ok({
    movie_results: movieMatch && movie ? [{ ...movie, media_type: 'movie' }] : [],
    person_results: [],
    tv_results: tvMatch && tv ? [{ ...tv, media_type: 'tv' }] : [],
    tv_episode_results: [],
    tv_season_results: [],
  });
}

interface Appendable {
  images: { posters: TmdbFakeImage[]; backdrops: TmdbFakeImage[]; logos: TmdbFakeImage[] };
  [block: string]: unknown;
}

/** Adds the blocks named in append_to_response, with images limited by include_image_language. */
function withAppended(base: Record<string, unknown>, appendable: Appendable, query: Record<string, string>) {
  const requested = (query.append_to_response ?? '')
    .split(',')
    .map((block) => block.trim())
    .filter(Boolean);
  const body: Record<string, unknown> = { ...base };
  for (const block of requested) {
    if (block === 'images') body.images = filterImages(appendable.images, query.include_image_language);
    else if (block in appendable) body[block] = appendable[block];
  }
  return body;
}

function filterImages(images: Appendable['images'], languages: string | undefined): Appendable['images'] {
  if (!languages) return images;
  const allowed = new Set(languages.split(',').map((language) => language.trim()));
  const keep = (image: TmdbFakeImage) => allowed.has(image.iso_639_1 ?? 'null');
  return { posters: images.posters.filter(keep), backdrops: images.backdrops.filter(keep), logos: images.logos.filter(keep) };
}

interface TmdbFakeImage {
  aspect_ratio: number;
  height: number;
  iso_639_1: string | null;
  file_path: string;
  vote_average: number;
  vote_count: number;
  width: number;
}

function image(
  file_path: string,
  width: number,
  height: number,
  iso_639_1: string | null,
  vote_average: number,
  vote_count: number,
): TmdbFakeImage {
  return { aspect_ratio: Math.round((width / height) * 1000) / 1000, height, iso_639_1, file_path, vote_average, vote_count, width };
}

export const CONFIGURATION = {
  images: {
    base_url: 'http://image.tmdb.org/t/p/',
    secure_base_url: 'https://image.tmdb.org/t/p/',
    backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
    logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
    poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
    profile_sizes: ['w45', 'w185', 'h632', 'original'],
    still_sizes: ['w92', 'w185', 'w300', 'original'],
  },
  change_keys: ['adult', 'air_date', 'also_known_as', 'biography', 'images', 'videos'],
};

const MOVIE_SEARCH: readonly Record<string, unknown>[] = [
  {
    adult: false,
    backdrop_path: '/ncEsesgOJDNrTUED89hYbA117wo.jpg',
    genre_ids: [28, 878],
    id: 603,
    original_language: 'en',
    original_title: 'The Matrix',
    overview:
      'Set in the 22nd century, The Matrix tells the story of a computer hacker who joins a group of underground insurgents fighting the vast and powerful computers who now rule the earth.',
    popularity: 80.4,
    poster_path: '/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg',
    release_date: '1999-03-31',
    title: 'The Matrix',
    video: false,
    vote_average: 8.2,
    vote_count: 26012,
  },
  {
    adult: false,
    backdrop_path: '/hv7o3VgfsairBoQFAawgaQ4cR1m.jpg',
    genre_ids: [878, 28, 12],
    id: 624860,
    original_language: 'en',
    original_title: 'The Matrix Resurrections',
    overview: "Plagued by strange memories, Neo's life takes an unexpected turn when he finds himself back inside the Matrix.",
    popularity: 95.1,
    poster_path: '/8c4a8kE7PizaGQQnditMmI1xbRp.jpg',
    release_date: '2021-12-16',
    title: 'The Matrix Resurrections',
    video: false,
    vote_average: 6.4,
    vote_count: 6120,
  },
  {
    adult: false,
    backdrop_path: '/brqTWyh8Ck6tBxRtafu4vbsSMDG.jpg',
    genre_ids: [12, 28, 53, 878],
    id: 604,
    original_language: 'en',
    original_title: 'The Matrix Reloaded',
    overview: 'Six months after the events depicted in The Matrix, Neo has proved to be a good omen for the free humans.',
    popularity: 60.2,
    poster_path: '/9TGHDvWrqKBzwDxDodHYXEmOE6J.jpg',
    release_date: '2003-05-15',
    title: 'The Matrix Reloaded',
    video: false,
    vote_average: 7.1,
    vote_count: 10874,
  },
  {
    adult: false,
    backdrop_path: '/533xAMhhVyjTy8hwMUFEt5TuDfR.jpg',
    genre_ids: [12, 28, 53, 878],
    id: 605,
    original_language: 'en',
    original_title: 'The Matrix Revolutions',
    overview: 'The human city of Zion defends itself against the massive invasion of the machines as Neo fights to end the war.',
    popularity: 55.9,
    poster_path: '/t1wm4PgOQ8e4z1C6tk1yDNrps4T.jpg',
    release_date: '2003-11-05',
    title: 'The Matrix Revolutions',
    video: false,
    vote_average: 6.7,
    vote_count: 9412,
  },
  {
    adult: false,
    backdrop_path: null,
    genre_ids: [16, 878],
    id: 55931,
    original_language: 'en',
    original_title: 'The Animatrix',
    overview: 'Straight from the creators of the groundbreaking Matrix trilogy, this collection of short animated films.',
    popularity: 20.7,
    poster_path: null,
    release_date: '',
    title: 'The Animatrix',
    video: false,
    vote_average: 7.2,
    vote_count: 1410,
  },
];

const TV_SEARCH: readonly Record<string, unknown>[] = [
  {
    adult: false,
    backdrop_path: '/tsRy63Mu5cu8etL1X7ZLyf7UP1M.jpg',
    genre_ids: [18, 80],
    id: 1396,
    origin_country: ['US'],
    original_language: 'en',
    original_name: 'Breaking Bad',
    overview:
      'Walter White, a New Mexico chemistry teacher, is diagnosed with Stage III cancer and given a prognosis of only two years left to live.',
    popularity: 301.5,
    poster_path: '/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg',
    first_air_date: '2008-01-20',
    name: 'Breaking Bad',
    vote_average: 8.9,
    vote_count: 14215,
  },
  {
    adult: false,
    backdrop_path: null,
    genre_ids: [35, 18],
    id: 62985,
    origin_country: ['US'],
    original_language: 'en',
    original_name: 'Breaking Bad: Original Minisodes',
    overview: 'Short webisodes released between the first and second seasons of Breaking Bad.',
    popularity: 12.3,
    poster_path: '/wQb0fM3O9KDpI0ryRpMwHffnCMQ.jpg',
    first_air_date: '2009-02-17',
    name: 'Breaking Bad: Original Minisodes',
    vote_average: 7.1,
    vote_count: 55,
  },
];

function matrixMovie(language: string | undefined): Record<string, unknown> {
  const german = language?.toLowerCase().startsWith('de') ?? false;
  return {
    adult: false,
    backdrop_path: '/ncEsesgOJDNrTUED89hYbA117wo.jpg',
    belongs_to_collection: {
      id: 2344,
      name: german ? 'Matrix Filmreihe' : 'The Matrix Collection',
      poster_path: '/bV9qTVHTVf0gkW0j7p7M0ILD4pG.jpg',
      backdrop_path: '/bRm2DEgUiYciDw3myHuYFInD7la.jpg',
    },
    budget: 63000000,
    genres: [
      { id: 28, name: 'Action' },
      { id: 878, name: 'Science Fiction' },
    ],
    homepage: 'http://www.warnerbros.com/matrix',
    id: 603,
    imdb_id: 'tt0133093',
    origin_country: ['US'],
    original_language: 'en',
    original_title: 'The Matrix',
    overview: german
      ? 'Der Hacker Neo wird übers Internet von einer geheimnisvollen Untergrund-Organisation kontaktiert.'
      : 'Set in the 22nd century, The Matrix tells the story of a computer hacker who joins a group of underground insurgents fighting the vast and powerful computers who now rule the earth.',
    popularity: 80.4,
    poster_path: '/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg',
    production_companies: [
      { id: 79, logo_path: '/at4uYdwAAgNRKhZuuFX8ShKSybw.png', name: 'Village Roadshow Pictures', origin_country: 'US' },
      { id: 372, logo_path: null, name: 'Groucho II Film Partnership', origin_country: '' },
      { id: 1885, logo_path: '/xlvoOZr4s1PygosrwZyolIFe5xs.png', name: 'Silver Pictures', origin_country: 'US' },
      { id: 174, logo_path: '/zhD3hhtKB5qyv7ZeL4uLpNxgMVU.png', name: 'Warner Bros. Pictures', origin_country: 'US' },
    ],
    production_countries: [
      { iso_3166_1: 'AU', name: 'Australia' },
      { iso_3166_1: 'US', name: 'United States of America' },
    ],
    release_date: '1999-03-31',
    revenue: 463517383,
    runtime: 136,
    spoken_languages: [{ english_name: 'English', iso_639_1: 'en', name: 'English' }],
    status: 'Released',
    tagline: german ? 'Willkommen in der Wirklichkeit.' : 'Welcome to the Real World.',
    title: german ? 'Matrix' : 'The Matrix',
    video: false,
    vote_average: 8.2,
    vote_count: 26012,
  };
}

const MATRIX_APPENDABLE: Appendable = {
  images: {
    posters: [
      image('/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg', 2000, 3000, 'en', 5.8, 24),
      image('/aOIuZAjPaRIE6CMzbazvcHuHXDc.jpg', 1400, 2100, null, 5.4, 10),
      image('/dXNAPwY7VrqMAo51EKhhCJfaGb5.jpg', 1000, 1500, 'de', 5.3, 4),
    ],
    backdrops: [
      image('/ncEsesgOJDNrTUED89hYbA117wo.jpg', 1920, 1080, null, 5.6, 14),
      image('/fNG7i7RqMErkcqhohV2a6cV1Ehy.jpg', 3840, 2160, 'en', 5.3, 5),
    ],
    logos: [
      image('/hNqbM4Mcc9NHSPsDeNFNg9KBSh8.png', 1500, 620, 'en', 5.3, 4),
      image('/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.png', 1200, 496, 'fr', 5.2, 2),
    ],
  },
  credits: {
    cast: [
      {
        adult: false,
        gender: 2,
        id: 6384,
        known_for_department: 'Acting',
        name: 'Keanu Reeves',
        original_name: 'Keanu Reeves',
        popularity: 38.2,
        profile_path: '/4D0PpNI0kmP58hgrwGC3wCjxhnm.jpg',
        cast_id: 34,
        character: 'Neo',
        credit_id: '52fe425bc3a36847f80181c1',
        order: 0,
      },
      {
        adult: false,
        gender: 2,
        id: 2975,
        known_for_department: 'Acting',
        name: 'Laurence Fishburne',
        original_name: 'Laurence Fishburne',
        popularity: 25.4,
        profile_path: '/8suOhUmPbfKqDQ17jQ1Gy0mI3P4.jpg',
        cast_id: 35,
        character: 'Morpheus',
        credit_id: '52fe425bc3a36847f80181c5',
        order: 1,
      },
      {
        adult: false,
        gender: 1,
        id: 530,
        known_for_department: 'Acting',
        name: 'Carrie-Anne Moss',
        original_name: 'Carrie-Anne Moss',
        popularity: 20.1,
        profile_path: '/xD4jTA3KmVp5Rq3aHcymL9DUGjD.jpg',
        cast_id: 36,
        character: 'Trinity',
        credit_id: '52fe425bc3a36847f80181c9',
        order: 2,
      },
      {
        adult: false,
        gender: 2,
        id: 1331,
        known_for_department: 'Acting',
        name: 'Hugo Weaving',
        original_name: 'Hugo Weaving',
        popularity: 18.9,
        profile_path: '/lSIRrXJbyLx6tXGQQyR5pBdJvUH.jpg',
        cast_id: 37,
        character: 'Agent Smith',
        credit_id: '52fe425bc3a36847f80181cd',
        order: 3,
      },
      {
        adult: false,
        gender: 2,
        id: 532,
        known_for_department: 'Acting',
        name: 'Joe Pantoliano',
        original_name: 'Joe Pantoliano',
        popularity: 12.2,
        profile_path: null,
        cast_id: 38,
        character: 'Cypher',
        credit_id: '52fe425bc3a36847f80181d1',
        order: 4,
      },
    ],
    crew: [
      {
        adult: false,
        gender: 1,
        id: 9340,
        known_for_department: 'Directing',
        name: 'Lana Wachowski',
        original_name: 'Lana Wachowski',
        popularity: 4.1,
        profile_path: '/3KYq2FbCMfdF2ZaKZmqDBwwbLBR.jpg',
        credit_id: '52fe425bc3a36847f8018107',
        department: 'Directing',
        job: 'Director',
      },
      {
        adult: false,
        gender: 1,
        id: 9339,
        known_for_department: 'Directing',
        name: 'Lilly Wachowski',
        original_name: 'Lilly Wachowski',
        popularity: 3.2,
        profile_path: '/6wxW3ZuQoWmZXVVdxzuqrhyDTuC.jpg',
        credit_id: '52fe425bc3a36847f801810d',
        department: 'Directing',
        job: 'Director',
      },
      {
        adult: false,
        gender: 1,
        id: 9340,
        known_for_department: 'Directing',
        name: 'Lana Wachowski',
        original_name: 'Lana Wachowski',
        popularity: 4.1,
        profile_path: '/3KYq2FbCMfdF2ZaKZmqDBwwbLBR.jpg',
        credit_id: '52fe425bc3a36847f8018113',
        department: 'Writing',
        job: 'Writer',
      },
      {
        adult: false,
        gender: 1,
        id: 9339,
        known_for_department: 'Directing',
        name: 'Lilly Wachowski',
        original_name: 'Lilly Wachowski',
        popularity: 3.2,
        profile_path: '/6wxW3ZuQoWmZXVVdxzuqrhyDTuC.jpg',
        credit_id: '52fe425bc3a36847f8018119',
        department: 'Writing',
        job: 'Writer',
      },
      {
        adult: false,
        gender: 2,
        id: 1091,
        known_for_department: 'Production',
        name: 'Joel Silver',
        original_name: 'Joel Silver',
        popularity: 2.5,
        profile_path: null,
        credit_id: '52fe425bc3a36847f801811f',
        department: 'Production',
        job: 'Producer',
      },
      {
        adult: false,
        gender: 2,
        id: 2947,
        known_for_department: 'Sound',
        name: 'Don Davis',
        original_name: 'Don Davis',
        popularity: 1.4,
        profile_path: null,
        credit_id: '52fe425bc3a36847f8018131',
        department: 'Sound',
        job: 'Original Music Composer',
      },
    ],
  },
  videos: {
    results: [
      {
        iso_639_1: 'en',
        iso_3166_1: 'US',
        name: 'The Matrix (1999) Official Trailer',
        key: 'm8e-FF8MsqU',
        site: 'YouTube',
        size: 1080,
        type: 'Trailer',
        official: true,
        published_at: '2021-10-21T16:00:08.000Z',
        id: '6171a6a3a0f1a200428a5d4c',
      },
      {
        iso_639_1: 'en',
        iso_3166_1: 'US',
        name: 'Bullet Time: Behind the Scenes',
        key: 'xHxMhJqZRAc',
        site: 'YouTube',
        size: 720,
        type: 'Featurette',
        official: true,
        published_at: '2019-03-29T15:00:00.000Z',
        id: '5ca0d1d2c3a36864b6a7a5f1',
      },
      {
        iso_639_1: 'en',
        iso_3166_1: 'US',
        name: 'Original Trailer',
        key: '30593126',
        site: 'Vimeo',
        size: 480,
        type: 'Trailer',
        official: false,
        published_at: '2012-05-01T10:00:00.000Z',
        id: '5b4d5ec09251416e5d02a1c3',
      },
    ],
  },
  release_dates: {
    results: [
      {
        iso_3166_1: 'DE',
        release_dates: [
          { certification: '16', descriptors: [], iso_639_1: '', note: '', release_date: '1999-06-17T00:00:00.000Z', type: 3 },
        ],
      },
      {
        iso_3166_1: 'US',
        release_dates: [
          {
            certification: '',
            descriptors: [],
            iso_639_1: '',
            note: 'Westwood premiere',
            release_date: '1999-03-24T00:00:00.000Z',
            type: 1,
          },
          { certification: 'R', descriptors: [], iso_639_1: '', note: '', release_date: '1999-03-31T00:00:00.000Z', type: 3 },
          { certification: 'R', descriptors: [], iso_639_1: '', note: 'DVD', release_date: '1999-09-21T00:00:00.000Z', type: 5 },
        ],
      },
      {
        iso_3166_1: 'GB',
        release_dates: [
          { certification: '15', descriptors: [], iso_639_1: '', note: '', release_date: '1999-06-11T00:00:00.000Z', type: 3 },
        ],
      },
    ],
  },
  keywords: {
    keywords: [
      { id: 310, name: 'artificial intelligence (a.i.)' },
      { id: 4565, name: 'dystopia' },
      { id: 3562, name: 'cyberpunk' },
    ],
  },
  external_ids: { imdb_id: 'tt0133093', wikidata_id: 'Q83495', facebook_id: 'TheMatrixMovie', instagram_id: null, twitter_id: null },
};

const BREAKING_BAD_TV: Record<string, unknown> = {
  adult: false,
  backdrop_path: '/tsRy63Mu5cu8etL1X7ZLyf7UP1M.jpg',
  created_by: [
    {
      id: 66633,
      credit_id: '52542286760ee31328001a7b',
      name: 'Vince Gilligan',
      gender: 2,
      profile_path: '/z3E0DhBg1V1PZVEtS9vfFPzOWYB.jpg',
    },
  ],
  episode_run_time: [45, 47],
  first_air_date: '2008-01-20',
  genres: [
    { id: 18, name: 'Drama' },
    { id: 80, name: 'Crime' },
  ],
  homepage: 'https://www.sonypictures.com/tv/breakingbad',
  id: 1396,
  in_production: false,
  languages: ['en'],
  last_air_date: '2013-09-29',
  name: 'Breaking Bad',
  networks: [{ id: 174, logo_path: '/alqLicR1ZMHMaZGP3xRQxn9sq7p.png', name: 'AMC', origin_country: 'US' }],
  number_of_episodes: 62,
  number_of_seasons: 5,
  origin_country: ['US'],
  original_language: 'en',
  original_name: 'Breaking Bad',
  overview:
    "Walter White, a New Mexico chemistry teacher, is diagnosed with Stage III cancer and given a prognosis of only two years left to live. He becomes filled with a sense of fearlessness and an unrelenting desire to secure his family's financial future at any cost as he enters the dangerous world of drugs and crime.",
  popularity: 301.5,
  poster_path: '/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg',
  production_companies: [
    { id: 11073, logo_path: '/aCbASRcI1MI7DXjPbSW9Fcv9uGR.png', name: 'Sony Pictures Television Studios', origin_country: 'US' },
    { id: 33742, logo_path: '/ggABRl1HzvBxGbKQcbs0v3TUIKq.png', name: 'High Bridge Productions', origin_country: 'US' },
    { id: 2605, logo_path: null, name: 'Gran Via Productions', origin_country: 'US' },
  ],
  production_countries: [{ iso_3166_1: 'US', name: 'United States of America' }],
  seasons: [
    {
      air_date: '2009-02-17',
      episode_count: 9,
      id: 3577,
      name: 'Specials',
      overview: '',
      poster_path: '/40dT79mDEZwXkQiZNBgSaydQFDP.jpg',
      season_number: 0,
      vote_average: 0,
    },
    {
      air_date: '2008-01-20',
      episode_count: 7,
      id: 3572,
      name: 'Season 1',
      overview: "High school chemistry teacher Walter White's life is suddenly transformed by a dire medical diagnosis.",
      poster_path: '/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg',
      season_number: 1,
      vote_average: 8.3,
    },
    {
      air_date: '2009-03-08',
      episode_count: 13,
      id: 3573,
      name: 'Season 2',
      overview: '',
      poster_path: '/e3oGYpoTUhOFK0BJfloru5ZmGV.jpg',
      season_number: 2,
      vote_average: 8.4,
    },
    {
      air_date: '2010-03-21',
      episode_count: 13,
      id: 3575,
      name: 'Season 3',
      overview: '',
      poster_path: null,
      season_number: 3,
      vote_average: 8.4,
    },
  ],
  spoken_languages: [{ english_name: 'English', iso_639_1: 'en', name: 'English' }],
  status: 'Ended',
  tagline: 'Change the equation.',
  type: 'Scripted',
  vote_average: 8.9,
  vote_count: 14215,
};

const BREAKING_BAD_APPENDABLE: Appendable = {
  images: {
    posters: [
      image('/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg', 2000, 3000, 'en', 5.5, 20),
      image('/ggFHVNu6YYI5L9pCfOacjizRGt.jpg', 1000, 1500, null, 5.3, 6),
    ],
    backdrops: [image('/tsRy63Mu5cu8etL1X7ZLyf7UP1M.jpg', 1920, 1080, null, 5.6, 16)],
    logos: [image('/chw44B2VnAeFkfbhLq3P9sw2UbX.png', 1200, 429, 'en', 5.4, 3)],
  },
  credits: {
    cast: [
      {
        adult: false,
        gender: 2,
        id: 17419,
        known_for_department: 'Acting',
        name: 'Bryan Cranston',
        original_name: 'Bryan Cranston',
        popularity: 30.1,
        profile_path: '/7Jahy5LZX2Fo8fGJltMreAI49hC.jpg',
        character: 'Walter White',
        credit_id: '52542282760ee313280017f9',
        order: 0,
      },
      {
        adult: false,
        gender: 2,
        id: 84497,
        known_for_department: 'Acting',
        name: 'Aaron Paul',
        original_name: 'Aaron Paul',
        popularity: 18.4,
        profile_path: '/8Ac9uuoYwZoYVAIJfRLzzLsGGJn.jpg',
        character: 'Jesse Pinkman',
        credit_id: '52542282760ee31328001845',
        order: 1,
      },
      {
        adult: false,
        gender: 1,
        id: 134531,
        known_for_department: 'Acting',
        name: 'Anna Gunn',
        original_name: 'Anna Gunn',
        popularity: 11.2,
        profile_path: '/adppyeu1a4REN3khtgmXusrapFi.jpg',
        character: 'Skyler White',
        credit_id: '52542282760ee313280017b1',
        order: 2,
      },
      {
        adult: false,
        gender: 2,
        id: 14329,
        known_for_department: 'Acting',
        name: 'Dean Norris',
        original_name: 'Dean Norris',
        popularity: 9.8,
        profile_path: null,
        character: 'Hank Schrader',
        credit_id: '52542282760ee3132800186d',
        order: 3,
      },
    ],
    crew: [
      {
        adult: false,
        gender: 2,
        id: 66633,
        known_for_department: 'Writing',
        name: 'Vince Gilligan',
        original_name: 'Vince Gilligan',
        popularity: 3.3,
        profile_path: '/z3E0DhBg1V1PZVEtS9vfFPzOWYB.jpg',
        credit_id: '52542287760ee31328001af1',
        department: 'Production',
        job: 'Executive Producer',
      },
      {
        adult: false,
        gender: 2,
        id: 1223196,
        known_for_department: 'Sound',
        name: 'Dave Porter',
        original_name: 'Dave Porter',
        popularity: 1.1,
        profile_path: null,
        credit_id: '5254228c760ee31328001d0c',
        department: 'Sound',
        job: 'Original Music Composer',
      },
    ],
    id: 1396,
  },
  videos: {
    results: [
      {
        iso_639_1: 'en',
        iso_3166_1: 'US',
        name: 'Breaking Bad - Series Trailer',
        key: 'HhesaQXLuRY',
        site: 'YouTube',
        size: 1080,
        type: 'Trailer',
        official: true,
        published_at: '2013-07-30T15:00:00.000Z',
        id: '5759db2fc3a3683e7c003df7',
      },
    ],
  },
  content_ratings: {
    results: [
      { descriptors: [], iso_3166_1: 'DE', rating: '16' },
      { descriptors: [], iso_3166_1: 'US', rating: 'TV-MA' },
      { descriptors: [], iso_3166_1: 'GB', rating: '18' },
    ],
  },
  external_ids: {
    imdb_id: 'tt0903747',
    freebase_mid: '/m/03d34x8',
    freebase_id: '/en/breaking_bad',
    tvdb_id: 81189,
    tvrage_id: 18164,
    wikidata_id: 'Q1079',
    facebook_id: 'BreakingBad',
    instagram_id: 'breakingbad',
    twitter_id: 'BreakingBad',
  },
};

function episode(id: number, episode_number: number, name: string, air_date: string, runtime: number, still_path: string | null) {
  return {
    air_date,
    episode_number,
    episode_type: 'standard',
    id,
    name,
    overview: `${name}: an episode of Breaking Bad's first season.`,
    production_code: '',
    runtime,
    season_number: 1,
    show_id: 1396,
    still_path,
    vote_average: 8.2,
    vote_count: 180,
    crew: [],
    guest_stars: [],
  };
}

const BREAKING_BAD_SEASON_1 = {
  _id: '5256c89f19c2956ff6046d47',
  air_date: '2008-01-20',
  episodes: [
    episode(62085, 1, 'Pilot', '2008-01-20', 58, '/ydlY3iPfeOAvu8gVqrxPoMvzNCn.jpg'),
    episode(62086, 2, "Cat's in the Bag...", '2008-01-27', 48, '/tjDNvbokPLtEnpFyFPyXMOd6Zr1.jpg'),
    episode(62087, 3, "...And the Bag's in the River", '2008-02-10', 48, '/2kBeBlxGqBOdWlKwzAxiwkfU5on.jpg'),
    episode(62088, 4, 'Cancer Man', '2008-02-17', 48, '/i5BAJVhuIWfkoSqDID6FnQNrTVc.jpg'),
    episode(62089, 5, 'Gray Matter', '2008-02-24', 48, '/82G3wZgEvZLKcte6yoZJahUWBtx.jpg'),
    episode(62090, 6, "Crazy Handful of Nothin'", '2008-03-02', 48, '/rCCLuycNPL30W3BtuB8HafxEMYz.jpg'),
    episode(62091, 7, 'A No-Rough-Stuff-Type Deal', '2008-03-09', 47, null),
  ],
  name: 'Season 1',
  overview: "High school chemistry teacher Walter White's life is suddenly transformed by a dire medical diagnosis.",
  id: 3572,
  poster_path: '/1BP4xYv9ZG4ZVHkL7ocOziBbSYH.jpg',
  season_number: 1,
  vote_average: 8.3,
};

// ---- Change lists, a synthetic catalogue and a rate limit (providerRefresh, IPTV matching, bench:iptv) ----
// TMDB documents /movie/changes and /tv/changes as `{results: [{id, adult}], page, total_pages,
// total_results}`, 100 ids a page, for start_date..end_date (at most 14 days). The synthetic movies stand in
// for a large catalogue: "Synthetic Movie <n>" with ids from `firstId`, answered by /movie/{id},
// /search/movie and /find (imdb id `tt9<7-digit id>`), in the documented shapes.

export interface FakeTmdbExtras {
  /** Ids each change list returns, whatever the dates (the dates asked are in `requests`). */
  changes?: { movie: number[]; tv: number[] };
  syntheticMovies?: { firstId: number; count: number };
  /** Fields laid over a synthetic movie's details: an edit made at TMDB (the test may change it between calls). */
  syntheticEdits?: Record<number, Record<string, unknown>>;
  /** Above this many requests in any second the fake answers 429 with Retry-After, as TMDB does. */
  rateLimitPerSecond?: number;
  /** Filled by the fake: requests refused with 429. */
  refused?: number;
}

const CHANGES_PAGE_SIZE = 100;

export function syntheticMovieTitle(id: number): string {
  return `Synthetic Movie ${id}`;
}

export function syntheticImdbId(id: number): string {
  return `tt9${String(id).padStart(7, '0')}`;
}

export function syntheticYear(id: number): number {
  return 1950 + (id % 70);
}

function routeTmdbExtras(request: RecordedRequest, extras: FakeTmdbExtras): FakeReply | undefined {
  if (extras.rateLimitPerSecond !== undefined && overRate(extras, request.receivedAt, extras.rateLimitPerSecond)) {
    extras.refused = (extras.refused ?? 0) + 1;
    return { status: 429, json: tmdbErrorBody(429), headers: { 'retry-after': '1' } };
  }
  const changes = /^\/(movie|tv)\/changes$/.exec(request.path);
  if (changes && extras.changes) {
    const ids = extras.changes[changes[1] as 'movie' | 'tv'];
    const page = Math.max(1, Number(request.query.page ?? '1'));
    const totalPages = Math.max(1, Math.ceil(ids.length / CHANGES_PAGE_SIZE));
    const results = ids.slice((page - 1) * CHANGES_PAGE_SIZE, page * CHANGES_PAGE_SIZE).map((id) => ({ id, adult: false }));
    return ok({ results, page, total_pages: totalPages, total_results: ids.length });
  }
  const synthetic = extras.syntheticMovies;
  if (!synthetic) return undefined;
  const inRange = (id: number) => id >= synthetic.firstId && id < synthetic.firstId + synthetic.count;
  const movie = /^\/movie\/(\d+)$/.exec(request.path);
  if (movie && inRange(Number(movie[1]))) return ok({ ...syntheticMovie(Number(movie[1])), ...extras.syntheticEdits?.[Number(movie[1])] });
  if (request.path === '/search/movie') {
    const match = /^Synthetic Movie (\d+)$/i.exec((request.query.query ?? '').trim());
    const id = match ? Number(match[1]) : NaN;
    const year = request.query.year;
    const results = inRange(id) && (!year || Number(year) === syntheticYear(id)) ? [syntheticSearchItem(id)] : [];
    if (match) return ok({ page: 1, results, total_pages: 1, total_results: results.length });
  }
  const find = /^\/find\/tt9(\d{7})$/.exec(request.path);
  if (find && inRange(Number(find[1]))) {
    const item = syntheticSearchItem(Number(find[1]));
    return ok({
      movie_results: [{ ...item, media_type: 'movie' }],
      person_results: [],
      tv_results: [],
      tv_episode_results: [],
      tv_season_results: [],
    });
  }
  return undefined;
}

/** Requests per wall-clock second, per fake (keyed by its extras). */
const secondsByFake = new WeakMap<FakeTmdbExtras, Map<number, number>>();

function overRate(extras: FakeTmdbExtras, receivedAt: number, perSecond: number): boolean {
  const requestSeconds = secondsByFake.get(extras) ?? new Map<number, number>();
  secondsByFake.set(extras, requestSeconds);
  const second = Math.floor(receivedAt / 1000);
  const count = (requestSeconds.get(second) ?? 0) + 1;
  requestSeconds.set(second, count);
  for (const old of requestSeconds.keys()) if (old < second - 5) requestSeconds.delete(old);
  return count > perSecond;
}

function syntheticSearchItem(id: number): Record<string, unknown> {
  return {
    adult: false,
    backdrop_path: null,
    genre_ids: [18],
    id,
    original_language: 'en',
    original_title: syntheticMovieTitle(id),
    overview: 'A film of the synthetic catalogue.',
    popularity: 1,
    poster_path: `/synthetic-${id}.jpg`,
    release_date: `${syntheticYear(id)}-06-01`,
    title: syntheticMovieTitle(id),
    video: false,
    vote_average: 6,
    vote_count: 10,
  };
}

function syntheticMovie(id: number): Record<string, unknown> {
  return {
    ...syntheticSearchItem(id),
    belongs_to_collection: null,
    genres: [{ id: 18, name: 'Drama' }],
    imdb_id: syntheticImdbId(id),
    production_companies: [],
    production_countries: [],
    runtime: 100,
    status: 'Released',
    tagline: '',
    images: { posters: [image(`/synthetic-${id}.jpg`, 1000, 1500, 'en', 5, 1)], backdrops: [], logos: [] },
  };
}

// ── Library pipeline additions ────────────────────────────────────────────────────────────────────────────

/** TMDB's /configuration with its image base URLs pointing at a loopback image host. */
function configurationWithImageBase(imageBaseUrl: string) {
  const base = imageBaseUrl.endsWith('/') ? imageBaseUrl : `${imageBaseUrl}/`;
  return { ...CONFIGURATION, images: { ...CONFIGURATION.images, base_url: base, secure_base_url: base } };
}
