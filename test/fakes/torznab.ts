import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback Torznab indexer (https://torznab.github.io/spec-1.3-draft/torznab/Specification-v1.3.html):
 * `t=caps`, `t=tvsearch` (tvdbid, tmdbid, imdbid, season, ep) and `t=movie` (imdbid without "tt", tmdbid)
 * answer RSS 2.0 with `torznab:attr` elements; each release's `.torrent` is served at its `link`. An API key
 * is required, as real indexers do (error 100 otherwise), and download links carry it, as Prowlarr's do.
 */

export interface FakeRelease {
  title: string;
  /** The .torrent file's bytes; its link is served by the fake. */
  torrent?: Buffer;
  /** A magnet link instead of a file. */
  magnet?: string;
  infoHash?: string;
  sizeBytes: number;
  seeders: number;
  /** Which searches return it. */
  tvdbId?: number;
  tmdbId?: number;
  imdbId?: string;
  season?: number;
  /** Absent for a season pack: it answers every episode of its season. */
  episode?: number;
  category?: number;
}

export interface FakeTorznab {
  /** The indexer's Torznab endpoint including its API key, as TORZNAB_INDEXERS takes it. */
  apiUrl: string;
  releases: FakeRelease[];
  searches: Record<string, string>[];
  close(): Promise<void>;
}

export const TORZNAB_FAKE_API_KEY = 'torznab-fake-key';

const CAPS = `<?xml version="1.0" encoding="UTF-8"?>
<caps>
  <server version="1.0" title="Reelflow fake indexer"/>
  <limits max="100" default="50"/>
  <searching>
    <search available="yes" supportedParams="q"/>
    <tv-search available="yes" supportedParams="q,season,ep,tvdbid,tmdbid,imdbid"/>
    <movie-search available="yes" supportedParams="q,imdbid,tmdbid"/>
  </searching>
  <categories>
    <category id="2000" name="Movies"><subcat id="2040" name="Movies/HD"/></category>
    <category id="5000" name="TV"><subcat id="5040" name="TV/HD"/></category>
  </categories>
</caps>`;

export async function startFakeTorznab(releases: FakeRelease[] = []): Promise<FakeTorznab> {
  const searches: Record<string, string>[] = [];
  let baseUrl = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const params = Object.fromEntries(url.searchParams.entries());
    const download = /^\/download\/(\d+)\.torrent$/.exec(url.pathname);
    if (download) {
      // As Prowlarr and Jackett do: the download link carries the API key too.
      if (params.apikey !== TORZNAB_FAKE_API_KEY) return send(response, 401, 'text/plain', 'missing or wrong apikey');
      const torrent = releases[Number(download[1])]?.torrent;
      if (!torrent) return send(response, 404, 'text/plain', 'no such torrent');
      return send(response, 200, 'application/x-bittorrent', torrent);
    }
    if (url.pathname !== '/api') return send(response, 404, 'text/plain', 'not found');
    if (params.apikey !== TORZNAB_FAKE_API_KEY) return send(response, 200, 'application/xml', error(100, 'Incorrect user credentials'));
    if (params.t === 'caps') return send(response, 200, 'application/xml', CAPS);
    if (params.t !== 'tvsearch' && params.t !== 'movie' && params.t !== 'search')
      return send(response, 200, 'application/xml', error(202, `No such function (${params.t})`));
    searches.push(params);
    const matching = releases.map((release, index) => ({ release, index })).filter(({ release }) => matches(release, params));
    return send(response, 200, 'application/rss+xml', rss(matching, baseUrl));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${baseUrl}/api?apikey=${TORZNAB_FAKE_API_KEY}`,
    releases,
    searches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(release: FakeRelease, params: Record<string, string>): boolean {
  const categories = (params.cat ?? '').split(',').filter(Boolean).map(Number);
  const category = release.category ?? (release.season === undefined ? 2000 : 5000);
  if (categories.length > 0 && !categories.some((c) => Math.floor(c / 1000) === Math.floor(category / 1000))) return false;
  if (params.tvdbid && String(release.tvdbId) !== params.tvdbid) return false;
  if (params.tmdbid && String(release.tmdbId) !== params.tmdbid) return false;
  // Torznab's imdbid is sent without "tt".
  if (params.imdbid && release.imdbId?.replace(/^tt/, '') !== params.imdbid) return false;
  if (params.season && String(release.season) !== params.season) return false;
  if (params.ep && release.episode !== undefined && String(release.episode) !== params.ep) return false;
  return true;
}

function rss(found: { release: FakeRelease; index: number }[], baseUrl: string): string {
  const items = found.map(({ release, index }) => {
    const link = release.torrent ? `${baseUrl}/download/${index}.torrent?apikey=${TORZNAB_FAKE_API_KEY}` : release.magnet!;
    const attrs: [string, string | number | undefined][] = [
      ['category', release.category ?? (release.season === undefined ? 2040 : 5040)],
      ['size', release.sizeBytes],
      ['seeders', release.seeders],
      ['peers', release.seeders + 1],
      ['infohash', release.infoHash],
      ['magneturl', release.magnet],
      ['tvdbid', release.tvdbId],
      ['season', release.season],
      ['episode', release.episode],
    ];
    return `    <item>
      <title>${escapeXml(release.title)}</title>
      <guid>${escapeXml(`${baseUrl}/details/${index}`)}</guid>
      <link>${escapeXml(link)}</link>
      <pubDate>Sat, 21 Nov 2026 10:00:00 +0000</pubDate>
      <size>${release.sizeBytes}</size>
      <enclosure url="${escapeXml(link)}" length="${release.sizeBytes}" type="application/x-bittorrent"/>
${attrs
  .filter(([, v]) => v !== undefined)
  .map(([name, value]) => `      <torznab:attr name="${name}" value="${escapeXml(String(value))}"/>`)
  .join('\n')}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:torznab="http://torznab.com/schemas/2015/feed">
  <channel>
    <title>Reelflow fake indexer</title>
${items.join('\n')}
  </channel>
</rss>`;
}

function error(code: number, description: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<error code="${code}" description="${escapeXml(description)}"/>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type });
  response.end(body);
}
