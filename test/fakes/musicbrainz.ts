import { headerValue, startHttpFake, type FakeMode, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback MusicBrainz ws/2 (https://musicbrainz.org/doc/MusicBrainz_API) with Radiohead and OK Computer.
// Like the real service it blocks requests without a descriptive User-Agent, answers XML unless asked for
// fmt=json, honours `inc`, and throttles with 503 rather than 429.

export const RADIOHEAD_MBID = 'a74b1b7f-71a5-4011-9441-d0b5e4122711';
export const OK_COMPUTER_MBID = 'b1392450-e666-3926-a536-22c65f834433';

export interface FakeMusicBrainzOptions {
  mode?: FakeMode;
}

const HELP = 'For usage, please see: https://musicbrainz.org/development/mmd';
const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function startFakeMusicBrainz(options: FakeMusicBrainzOptions = {}): Promise<FakeServer> {
  return startHttpFake({
    apiRoot: '/ws/2',
    errorBody: musicBrainzErrorBody,
    rateLimitStatus: 503,
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => {
      if (!isDescriptiveUserAgent(headerValue(request, 'user-agent'))) return { status: 403, json: musicBrainzErrorBody(403) };
      if (request.query.fmt !== 'json') {
        return {
          status: 200,
          rawBody: '<?xml version="1.0" encoding="UTF-8"?><metadata/>',
          headers: { 'content-type': 'application/xml' },
        };
      }
      return routeMusicBrainz(request);
    },
  });
}

/** Generic library agents ("node", "undici", "curl/...") are what MusicBrainz blocks. */
function isDescriptiveUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent?.trim()) return false;
  return !/^(node|undici|curl|python-requests|axios)\b/i.test(userAgent.trim());
}

function routeMusicBrainz(request: RecordedRequest): FakeReply {
  if (request.method !== 'GET') return { status: 405, json: musicBrainzErrorBody(405) };
  const includes = new Set((request.query.inc ?? '').split(/[ +]/).filter(Boolean));
  if (request.path === '/artist') return { status: 200, json: searchArtists(request.query.query ?? '') };

  const lookup = /^\/(artist|release-group)\/([^/]+)$/.exec(request.path);
  if (!lookup) return { status: 404, json: musicBrainzErrorBody(404) };
  const [, entity, mbid = ''] = lookup;
  if (!MBID.test(mbid)) return { status: 400, json: { error: 'Invalid mbid.', help: HELP } };
  if (entity === 'artist' && mbid === RADIOHEAD_MBID) {
    return {
      status: 200,
      json: {
        ...RADIOHEAD,
        ...(includes.has('url-rels') ? { relations: RADIOHEAD_URL_RELATIONS } : {}),
        ...(includes.has('release-groups') ? { 'release-groups': RADIOHEAD_RELEASE_GROUPS } : {}),
      },
    };
  }
  if (entity === 'release-group' && mbid === OK_COMPUTER_MBID) {
    const okComputer = RADIOHEAD_RELEASE_GROUPS.find((group) => group.id === OK_COMPUTER_MBID);
    return {
      status: 200,
      json: { ...okComputer, ...(includes.has('artist-credits') ? { 'artist-credit': RADIOHEAD_CREDIT } : {}) },
    };
  }
  return { status: 404, json: musicBrainzErrorBody(404) };
}

export function musicBrainzErrorBody(status: number): unknown {
  switch (status) {
    case 403:
      return { error: 'Your requests are being blocked. Please provide a meaningful User-Agent.', help: HELP };
    case 404:
      return { error: 'Not Found', help: HELP };
    case 503:
      return {
        error:
          'Your requests are exceeding the allowable rate limit. Please see https://wiki.musicbrainz.org/XMLWebService for more information.',
        help: HELP,
      };
    default:
      return { error: 'Internal server error', help: HELP };
  }
}

/** Undoes Lucene escaping, then matches every word against names; MusicBrainz often scores ties at 100. */
function searchArtists(luceneQuery: string) {
  const text = luceneQuery.replace(/\\(.)/g, '$1').toLowerCase();
  const words = text.split(/\s+/).filter(Boolean);
  const artists = ARTIST_INDEX.filter((artist) => words.length > 0 && words.every((word) => artist.name.toLowerCase().includes(word)));
  return { created: '2024-05-01T12:00:00.000Z', count: artists.length, offset: 0, artists };
}

const ARTIST_INDEX = [
  {
    id: '3a9ab3c6-0a7e-4b1f-9c36-7c2c1e7d5f10',
    type: 'Group',
    'type-id': 'e431f5f6-b5d2-343d-8b36-72607fffb74b',
    score: 100,
    name: 'Radiohead Tribute Band',
    'sort-name': 'Radiohead Tribute Band',
    country: 'US',
    'life-span': { begin: '2009', ended: null },
    disambiguation: 'US tribute act',
  },
  {
    id: RADIOHEAD_MBID,
    type: 'Group',
    'type-id': 'e431f5f6-b5d2-343d-8b36-72607fffb74b',
    score: 100,
    name: 'Radiohead',
    'sort-name': 'Radiohead',
    country: 'GB',
    area: { id: '8a754a16-0027-3a29-b6d7-2b40ea0481ed', type: 'Country', name: 'United Kingdom', 'sort-name': 'United Kingdom' },
    'begin-area': { id: 'a640b45c-c173-49b1-8030-973603e895b5', type: 'City', name: 'Abingdon', 'sort-name': 'Abingdon' },
    'life-span': { begin: '1991', ended: null },
    tags: [{ count: 12, name: 'alternative rock' }],
  },
  {
    id: '6b9a4f02-8f0e-4c3a-9a56-1d2c3b4a5e6f',
    type: 'Person',
    'type-id': 'b6e035f4-3ce9-331c-97df-83397230b0df',
    score: 100,
    name: 'AC/DC Radiohead Mashups',
    'sort-name': 'AC/DC Radiohead Mashups',
    'life-span': { ended: null },
  },
];

const RADIOHEAD = {
  id: RADIOHEAD_MBID,
  name: 'Radiohead',
  'sort-name': 'Radiohead',
  type: 'Group',
  'type-id': 'e431f5f6-b5d2-343d-8b36-72607fffb74b',
  disambiguation: '',
  country: 'GB',
  area: {
    id: '8a754a16-0027-3a29-b6d7-2b40ea0481ed',
    name: 'United Kingdom',
    'sort-name': 'United Kingdom',
    disambiguation: '',
    'iso-3166-1-codes': ['GB'],
  },
  'begin-area': { id: 'a640b45c-c173-49b1-8030-973603e895b5', name: 'Abingdon', 'sort-name': 'Abingdon', disambiguation: '' },
  'end-area': null,
  'life-span': { begin: '1991', end: null, ended: false },
  gender: null,
  'gender-id': null,
  isnis: ['0000000115475162'],
  ipis: [],
};

function urlRelation(type: string, resource: string) {
  return {
    type,
    'type-id': '00000000-0000-0000-0000-000000000000',
    direction: 'forward',
    'target-type': 'url',
    'target-credit': '',
    'source-credit': '',
    ended: false,
    begin: null,
    end: null,
    attributes: [],
    'attribute-values': {},
    'attribute-ids': {},
    url: { id: '11111111-2222-3333-4444-555555555555', resource },
  };
}

const RADIOHEAD_URL_RELATIONS = [
  urlRelation('official homepage', 'https://www.radiohead.com/'),
  urlRelation('wikidata', 'https://www.wikidata.org/wiki/Q44190'),
  urlRelation('discogs', 'https://www.discogs.com/artist/3840'),
  urlRelation('allmusic', 'https://www.allmusic.com/artist/mn0000326249'),
];

function releaseGroup(id: string, title: string, primaryType: string, secondaryTypes: string[], firstReleaseDate: string) {
  return {
    id,
    title,
    'primary-type': primaryType,
    'primary-type-id': 'f529b476-6e62-324f-b0aa-1f3e33d313fc',
    'secondary-types': secondaryTypes,
    'secondary-type-ids': [],
    'first-release-date': firstReleaseDate,
    disambiguation: '',
  };
}

const RADIOHEAD_RELEASE_GROUPS = [
  releaseGroup('b8048f28-3d1a-3a3f-8f6b-f6fd1d2bfaec', 'Pablo Honey', 'Album', [], '1993-02-22'),
  releaseGroup('0b7d4b8a-1c8e-3b5f-9d1a-4b2a3c4d5e6f', 'The Bends', 'Album', [], '1995-03-13'),
  releaseGroup(OK_COMPUTER_MBID, 'OK Computer', 'Album', [], '1997-05-21'),
  releaseGroup('d3f1c5a2-9e7b-4c6d-8a1b-2c3d4e5f6a7b', 'I Might Be Wrong: Live Recordings', 'Album', ['Live'], '2001-11-12'),
  releaseGroup('e4a2b6c3-0f8c-4d7e-9b2c-3d4e5f6a7b8c', 'Creep', 'Single', [], ''),
];

const RADIOHEAD_CREDIT = [
  {
    name: 'Radiohead',
    joinphrase: '',
    artist: {
      id: RADIOHEAD_MBID,
      name: 'Radiohead',
      'sort-name': 'Radiohead',
      type: 'Group',
      'type-id': 'e431f5f6-b5d2-343d-8b36-72607fffb74b',
      disambiguation: '',
    },
  },
];
