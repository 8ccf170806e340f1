import type { z } from 'zod';
import type { RequestPacing } from '../http/provider-pacer.js';
import { requestJson, type QueryValue } from '../http/request-json.js';
import type { ProviderArtistDetails, ProviderReleaseGroup, ProviderSearchResult } from '../types.js';
import { escapeLucene } from './lucene-query.js';
import { mapMusicBrainzArtist, mapMusicBrainzArtistSearch, mapMusicBrainzReleaseGroup } from './map-musicbrainz.js';
import { musicBrainzArtistSchema, musicBrainzArtistSearchSchema, musicBrainzReleaseGroupSchema } from './musicbrainz-schemas.js';

export interface MusicBrainzClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /**
   * Required: MusicBrainz blocks anonymous clients and asks for "Application/version ( contact )", e.g.
   * "Reelflow/0.1.0 ( admin@example.org )", so that it can reach whoever runs a misbehaving client.
   */
  userAgent: string;
  /** The provider's shared request schedule; every request of this client waits for its slot. */
  pacing?: RequestPacing;
}

const PROVIDER = 'MusicBrainz';

/**
 * MusicBrainz ws/2 client; stateless. MusicBrainz allows about one request a second per client; that limit
 * is kept by `pacing`, whose schedule every process shares.
 */
export class MusicBrainzClient {
  constructor(private readonly options: MusicBrainzClientOptions) {
    if (!options.userAgent?.trim()) {
      throw new TypeError('MusicBrainzClient needs a descriptive userAgent, e.g. "Reelflow/0.1.0 ( admin@example.org )"');
    }
  }

  async searchArtist(query: string): Promise<ProviderSearchResult[]> {
    const body = await this.get('/artist', { query: escapeLucene(query) }, musicBrainzArtistSearchSchema);
    return mapMusicBrainzArtistSearch(body, query);
  }

  /** The artist with its links (url-rels) and release groups (MusicBrainz includes at most 25 of them). */
  async artist(mbid: string): Promise<ProviderArtistDetails> {
    const body = await this.get(
      `/artist/${encodeURIComponent(mbid)}`,
      // A space is sent as "+", MusicBrainz's documented separator for inc values.
      { inc: 'url-rels release-groups' },
      musicBrainzArtistSchema,
    );
    return mapMusicBrainzArtist(body);
  }

  async releaseGroup(mbid: string): Promise<ProviderReleaseGroup> {
    const body = await this.get(`/release-group/${encodeURIComponent(mbid)}`, { inc: 'artist-credits' }, musicBrainzReleaseGroupSchema);
    return mapMusicBrainzReleaseGroup(body);
  }

  private get<S extends z.ZodType>(path: string, query: Record<string, QueryValue>, schema: S): Promise<z.output<S>> {
    return requestJson({
      provider: PROVIDER,
      baseUrl: this.options.baseUrl,
      path,
      // Without fmt=json MusicBrainz answers in XML.
      query: { ...query, fmt: 'json' },
      headers: { 'User-Agent': this.options.userAgent },
      timeoutMs: this.options.timeoutMs,
      pacing: this.options.pacing,
      schema,
      credentialName: 'User-Agent',
    });
  }
}
