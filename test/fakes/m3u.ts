import { startHttpFake, type FakeMode, type FakeServer } from './http-fake.js';

// A loopback M3U server: /playlist.m3u (the whole list) and /pages/{n}.m3u (a paged list; a page past
// the end is 404), with #EXTM3U / #EXTINF lines carrying tvg-id, tvg-name, tvg-logo and group-title as
// IPTV providers write them. When `username`/`password` are set, requests without them get 401.

export interface FakeM3u extends FakeServer {
  /** The playlist served at /playlist.m3u; change it between syncs. */
  playlist: { text: string; pages: string[] };
}

export async function startFakeM3u(
  options: { playlist?: string; pages?: string[]; username?: string; password?: string; mode?: FakeMode } = {},
): Promise<FakeM3u> {
  const playlist = { text: options.playlist ?? samplePlaylist('http://streams.example'), pages: options.pages ?? [] };
  const server = await startHttpFake({
    apiRoot: '',
    errorBody: () => '',
    ...(options.mode ? { mode: options.mode } : {}),
    route: (request) => {
      const text = (body: string, status = 200) => ({ status, rawBody: body, headers: { 'content-type': 'audio/x-mpegurl' } });
      if (options.username && (request.query.username !== options.username || request.query.password !== options.password))
        return text('', 401);
      if (request.path === '/playlist.m3u') return text(playlist.text);
      const page = /^\/pages\/(\d+)\.m3u$/.exec(request.path);
      if (page) {
        const body = playlist.pages[Number(page[1]) - 1];
        return body === undefined ? text('', 404) : text(body);
      }
      return text('Not Found', 404);
    },
  });
  return { ...server, playlist };
}

export function extinf(attributes: Record<string, string>, name: string, url: string | null): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => `${key}="${value}"`)
    .join(' ');
  return `#EXTINF:-1 ${attrs},${name}\n${url ?? ''}`;
}

/**
 * The Matrix by IMDb id in tvg-id, The Matrix Reloaded by name, Breaking Bad as two episodes (marker in the
 * name, and in the URL only), a live channel (left out), and malformed entries: no name, no URL.
 */
export function samplePlaylist(host: string): string {
  return [
    '#EXTM3U',
    extinf(
      { 'tvg-id': 'tt0133093', 'tvg-name': 'The Matrix', 'tvg-logo': `${host}/logo/1.jpg`, 'group-title': 'Movies' },
      'The Matrix (1999)',
      `${host}/movie/u/p/1001.mkv`,
    ),
    extinf(
      { 'tvg-id': '', 'tvg-name': 'The Matrix Reloaded (2003)', 'group-title': 'Movies' },
      'The Matrix Reloaded (2003)',
      `${host}/movie/u/p/1002.mp4`,
    ),
    extinf(
      { 'tvg-id': '', 'tvg-name': 'Breaking Bad S01 E01', 'group-title': 'Series' },
      'Breaking Bad S01 E01',
      `${host}/series/u/p/3001.mp4`,
    ),
    extinf(
      { 'tvg-id': '', 'tvg-name': 'Breaking Bad', 'group-title': 'Series' },
      'Breaking Bad: Cat’s in the Bag',
      `${host}/series/u/p/Breaking.Bad.S01E02.mkv`,
    ),
    extinf({ 'tvg-id': 'news.uk', 'tvg-name': 'News 24', 'group-title': 'News' }, 'News 24', `${host}/live/u/p/77.ts`),
    extinf({ 'tvg-id': '', 'group-title': 'Movies' }, '', `${host}/movie/u/p/1009.mkv`),
    '#EXTINF:-1 tvg-name="No Url Film" group-title="Movies",No Url Film',
    '',
  ].join('\n');
}
