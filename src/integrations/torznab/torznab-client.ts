import { XMLParser } from 'fast-xml-parser';
import type { FoundRelease } from '../../requests/quality-decision.js';
import { infoHashOfMagnet, parseInfoHash } from '../bittorrent/torrent-file.js';
import { MB } from '../../http/capped-body.js';
import { httpRequest } from '../../http/http-request.js';
import { redactIndexerSecrets } from './indexer-secrets.js';
import type { TorznabIndexer } from './torznab-indexer.js';

/** One indexer's Torznab endpoint: its `/api` URL, with the API key in the query if it needs one. */
/** A search feed of a hundred releases is well under a megabyte; a caps document far less. */
const MAX_FEED_BYTES = 16 * MB;

export interface TorznabCaps {
  tvSearch: { available: boolean; params: string[] };
  movieSearch: { available: boolean; params: string[] };
  categories: { id: number; name: string }[];
}

export type TorznabQuery =
  | { kind: 'tv'; tvdbId?: number; tmdbId?: number; imdbId?: string; query?: string; season?: number; episode?: number }
  | { kind: 'movie'; tmdbId?: number; imdbId?: string; query?: string };

export class TorznabError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TorznabError';
  }
}

/** Newznab's top-level categories: 2000 Movies, 5000 TV. */
export const TORZNAB_CATEGORIES = { movie: 2000, tv: 5000 } as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'torznab:attr', 'category', 'subcat'].includes(name),
});

/**
 * A Torznab indexer (Jackett, Prowlarr, or an indexer speaking it natively): `t=caps` says which ids a
 * search may carry; `t=tvsearch` / `t=movie` answer RSS whose items carry `torznab:attr` size, seeders,
 * infohash and magneturl. Only the parameters the caps list are sent.
 */
export class TorznabClient {
  private caps: TorznabCaps | undefined;

  constructor(
    private readonly indexer: TorznabIndexer,
    private readonly timeoutMs = 15_000,
  ) {}

  async capabilities(): Promise<TorznabCaps> {
    if (this.caps) return this.caps;
    const xml = await this.get({ t: 'caps' });
    const caps = xml.caps;
    if (!caps) throw new TorznabError(`${this.indexer.name}: t=caps answered no <caps> element`);
    const searching = caps.searching ?? {};
    const mode = (el: Record<string, string> | undefined) => ({
      available: el?.['@available'] === 'yes',
      params: (el?.['@supportedParams'] ?? 'q').split(',').map((p: string) => p.trim()),
    });
    this.caps = {
      tvSearch: mode(searching['tv-search']),
      movieSearch: mode(searching['movie-search']),
      categories: (caps.categories?.category ?? []).map((c: Record<string, string>) => ({
        id: Number(c['@id']),
        name: String(c['@name']),
      })),
    };
    return this.caps;
  }

  async search(query: TorznabQuery): Promise<FoundRelease[]> {
    const caps = await this.capabilities();
    const mode = query.kind === 'tv' ? caps.tvSearch : caps.movieSearch;
    if (!mode.available) return [];
    const supported = new Set(mode.params);
    const params: Record<string, string> = {
      t: query.kind === 'tv' ? 'tvsearch' : 'movie',
      cat: String(TORZNAB_CATEGORIES[query.kind]),
      extended: '1',
    };
    const put = (name: string, value: string | number | undefined) => {
      if (value !== undefined && supported.has(name)) params[name] = String(value);
    };
    // One id, the one the indexer is surest of: indexers treat several as all-must-match.
    const ids: [string, string | number | undefined][] =
      query.kind === 'tv'
        ? [
            ['tvdbid', query.tvdbId],
            ['tmdbid', query.tmdbId],
            ['imdbid', query.imdbId],
          ]
        : [
            ['imdbid', query.imdbId],
            ['tmdbid', query.tmdbId],
          ];
    // Torznab's imdbid is the number without its "tt".
    const id = ids.find(([name, value]) => value !== undefined && supported.has(name));
    if (id) params[id[0]] = String(id[1]).replace(/^tt/, '');
    if (query.kind === 'tv') {
      put('season', query.season);
      put('ep', query.episode);
    }
    // Without an id the title is the query.
    if (!id && query.query) params.q = query.query;
    const xml = await this.get(params);
    const items: Record<string, unknown>[] = xml.rss?.channel?.item ?? [];
    return items.flatMap((item) => this.toRelease(item));
  }

  /**
   * One search result, without the indexer's credentials (see indexer-secrets.ts). Its info hash is checked
   * here: one that is not 40 hex or 32 base32 characters, or that differs from the magnet link's, is a
   * problem the quality decision turns into a rejection, so the release is set aside with the reason.
   */
  private toRelease(item: Record<string, unknown>): FoundRelease[] {
    const attrs = new Map<string, string>();
    for (const attr of (item['torznab:attr'] as Record<string, string>[] | undefined) ?? [])
      attrs.set(attr['@name']!, String(attr['@value']));
    const enclosure = item.enclosure as Record<string, string> | undefined;
    const magnet = attrs.get('magneturl');
    const link = typeof item.link === 'string' ? item.link : enclosure?.['@url'];
    const downloadUrl = link ?? magnet;
    const title = item.title === undefined ? undefined : String(item.title);
    if (!title || !downloadUrl) return [];
    const size = Number(attrs.get('size') ?? item.size ?? enclosure?.['@length'] ?? 0);
    const guid = textOf(item.guid);
    const { infoHash, infoHashProblem } = checkedInfoHash(
      attrs.get('infohash'),
      magnet ?? (downloadUrl.startsWith('magnet:') ? downloadUrl : undefined),
    );
    const redact = (text: string) => redactIndexerSecrets(text, this.indexer);
    return [
      {
        title,
        indexer: this.indexer.name,
        // The guid names the release among an item's releases and on the blocklist; Torznab requires one,
        // and an indexer that leaves it out gets its link in its place.
        guid: redact(guid ?? downloadUrl),
        downloadUrl: redact(downloadUrl),
        ...(magnet && magnet !== downloadUrl ? { magnetUrl: redact(magnet) } : {}),
        ...(infoHash ? { infoHash } : {}),
        ...(infoHashProblem ? { infoHashProblem } : {}),
        sizeBytes: Number.isFinite(size) ? size : 0,
        seeders: Number(attrs.get('seeders') ?? 0),
      },
    ];
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async get(params: Record<string, string>): Promise<any> {
    const url = new URL(this.indexer.apiUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let status: number;
    let text: string;
    try {
      ({ status, text } = await httpRequest({
        url,
        timeoutMs: this.timeoutMs,
        maxBodyBytes: MAX_FEED_BYTES,
        what: `${this.indexer.name}'s t=${params.t} answer`,
      }));
    } catch (error) {
      throw new TorznabError(`${this.indexer.name}: t=${params.t} did not answer: ${(error as Error).message}`);
    }
    if (status !== 200) throw new TorznabError(`${this.indexer.name}: t=${params.t} answered HTTP ${status}`);
    const xml = parser.parse(text);
    // Torznab reports errors as <error code="..." description="..."/> with HTTP 200.
    if (xml.error) throw new TorznabError(`${this.indexer.name}: t=${params.t} error ${xml.error['@code']}: ${xml.error['@description']}`);
    return xml;
  }
}

/** An element's text: fast-xml-parser gives an object with `#text` when the element has attributes. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return String((value as Record<string, unknown>)['#text']);
  return undefined;
}

/** The release's v1 info hash as 40 hex digits, or why it has none the pipeline may use. */
export function checkedInfoHash(
  attribute: string | undefined,
  magnet: string | undefined,
): { infoHash?: string; infoHashProblem?: string } {
  const fromMagnet = magnet === undefined ? undefined : infoHashOfMagnet(magnet);
  if (magnet !== undefined && fromMagnet === undefined) return { infoHashProblem: 'its magnet link names no usable info hash' };
  if (attribute === undefined || attribute.trim() === '') return fromMagnet ? { infoHash: fromMagnet } : {};
  const parsed = parseInfoHash(attribute);
  if (!parsed) return { infoHashProblem: `info hash ${JSON.stringify(attribute.slice(0, 60))} is not 40 hex or 32 base32 characters` };
  if (fromMagnet && fromMagnet !== parsed) return { infoHashProblem: `info hash ${parsed} differs from its magnet link's ${fromMagnet}` };
  return { infoHash: parsed };
}
