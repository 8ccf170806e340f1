import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ProviderAuthError,
  ProviderNotFoundError,
  ProviderRequestError,
  ProviderUnavailableError,
} from '../../../src/providers/http/errors.js';
import { MusicBrainzClient } from '../../../src/providers/musicbrainz/musicbrainz-client.js';
import type { FakeServer } from '../../fakes/http-fake.js';
import { OK_COMPUTER_MBID, RADIOHEAD_MBID, startFakeMusicBrainz } from '../../fakes/musicbrainz.js';

const USER_AGENT = 'Reelflow/0.1.0 ( ops@reelflow.test )';

let musicBrainz: FakeServer;

beforeEach(async () => {
  musicBrainz = await startFakeMusicBrainz();
});

afterEach(async () => {
  await musicBrainz.close();
});

function client(userAgent = USER_AGENT, timeoutMs = 2000) {
  return new MusicBrainzClient({ baseUrl: musicBrainz.baseUrl, userAgent, timeoutMs });
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

describe('MusicBrainzClient requests', () => {
  it('sends the descriptive User-Agent and fmt=json on every call', async () => {
    const musicBrainzClient = client();
    await musicBrainzClient.searchArtist('Radiohead');
    await musicBrainzClient.artist(RADIOHEAD_MBID);
    await musicBrainzClient.releaseGroup(OK_COMPUTER_MBID);
    expect(musicBrainz.requests).toHaveLength(3);
    for (const request of musicBrainz.requests) {
      expect(request.headers['user-agent']).toBe(USER_AGENT);
      expect(request.query.fmt).toBe('json');
    }
  });

  it('cannot be built without a User-Agent', () => {
    expect(() => client('  ')).toThrow(/descriptive userAgent/);
  });

  it('reports a User-Agent MusicBrainz blocks as ProviderAuthError saying so', async () => {
    const error = await errorFrom(client('node').searchArtist('Radiohead'));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toMatch(/^MusicBrainz rejected the User-Agent \(HTTP 403 from \/artist/);
  });
});

describe('MusicBrainzClient.searchArtist', () => {
  it('orders artists by name similarity, whatever MusicBrainz scored', async () => {
    const results = await client().searchArtist('Radiohead');
    expect(musicBrainz.requests[0]?.path).toBe('/artist');
    expect(results.map((result) => result.title)).toStrictEqual(['Radiohead', 'Radiohead Tribute Band', 'AC/DC Radiohead Mashups']);
    expect(results[0]).toStrictEqual({
      provider: 'musicbrainz',
      externalIds: { musicbrainz: RADIOHEAD_MBID },
      title: 'Radiohead',
      year: 1991,
      confidence: 100,
    });
    expect(results[1]).toMatchObject({ overview: 'US tribute act', year: 2009 });
    expect(results[1]?.confidence).toBeLessThan(100);
    expect(results[2]?.confidence).toBeLessThan(results[1]?.confidence ?? 0);
  });

  it('escapes Lucene syntax so a name is searched literally', async () => {
    const results = await client().searchArtist('AC/DC');
    expect(musicBrainz.requests[0]?.query.query).toBe('AC\\/DC');
    expect(results.map((result) => result.title)).toStrictEqual(['AC/DC Radiohead Mashups']);
  });
});

describe('MusicBrainzClient.artist', () => {
  it('asks for url-rels and release-groups and maps the artist, its links and release groups', async () => {
    const details = await client().artist(RADIOHEAD_MBID);
    const request = musicBrainz.requests[0];
    expect(request?.path).toBe(`/artist/${RADIOHEAD_MBID}`);
    // Sent as "url-rels+release-groups"; the "+" reads back as a space.
    expect(request?.query.inc).toBe('url-rels release-groups');
    expect(details.metadata).toStrictEqual({
      provider: 'musicbrainz',
      externalIds: { musicbrainz: RADIOHEAD_MBID },
      title: 'Radiohead',
      year: 1991,
      premiered: '1991',
      genres: [],
      studios: [],
      countries: ['GB'],
      tags: [],
      ratings: [],
      cast: [],
      crew: [],
      trailers: [],
    });
    expect(details.links).toStrictEqual([
      { type: 'official homepage', url: 'https://www.radiohead.com/' },
      { type: 'wikidata', url: 'https://www.wikidata.org/wiki/Q44190' },
      { type: 'discogs', url: 'https://www.discogs.com/artist/3840' },
      { type: 'allmusic', url: 'https://www.allmusic.com/artist/mn0000326249' },
    ]);
    expect(details.releaseGroups.map((group) => [group.title, group.primaryType, group.secondaryTypes, group.year])).toStrictEqual([
      ['Pablo Honey', 'Album', [], 1993],
      ['The Bends', 'Album', [], 1995],
      ['OK Computer', 'Album', [], 1997],
      ['I Might Be Wrong: Live Recordings', 'Album', ['Live'], 2001],
      ['Creep', 'Single', [], undefined],
    ]);
    expect(details.releaseGroups[4]).not.toHaveProperty('firstReleaseDate');
  });
});

describe('MusicBrainzClient.releaseGroup', () => {
  it('maps the release group with its artist credit', async () => {
    const group = await client().releaseGroup(OK_COMPUTER_MBID);
    expect(musicBrainz.requests[0]?.query.inc).toBe('artist-credits');
    expect(group).toStrictEqual({
      provider: 'musicbrainz',
      externalIds: { musicbrainz: OK_COMPUTER_MBID },
      title: 'OK Computer',
      primaryType: 'Album',
      secondaryTypes: [],
      firstReleaseDate: '1997-05-21',
      year: 1997,
      artists: [{ name: 'Radiohead', musicbrainzId: RADIOHEAD_MBID }],
    });
  });
});

describe('MusicBrainzClient failures', () => {
  it('reports throttling (503 with Retry-After) as retryable ProviderUnavailableError with the wait', async () => {
    musicBrainz.setMode({ kind: 'rate-limited', retryAfter: '2' });
    const error = await errorFrom(client().searchArtist('Radiohead'));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as ProviderUnavailableError).retryAfterMs).toBe(2000);
    expect(error.message).toContain('exceeding the allowable rate limit');
  });

  it('reports an unknown MBID as ProviderNotFoundError and an invalid one as ProviderRequestError', async () => {
    await expect(client().artist('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(ProviderNotFoundError);
    await expect(client().releaseGroup('not-an-mbid')).rejects.toBeInstanceOf(ProviderRequestError);
  });

  it('reports a timeout as ProviderUnavailableError', async () => {
    musicBrainz.setMode({ kind: 'slow', delayMs: 1500 });
    await expect(client(USER_AGENT, 100).artist(RADIOHEAD_MBID)).rejects.toThrow(
      `MusicBrainz did not answer /artist/${RADIOHEAD_MBID} within 100 ms`,
    );
  });
});
