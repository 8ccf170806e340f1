import { headerValue, startHttpFake, type FakeReply, type FakeServer, type RecordedRequest } from './http-fake.js';

// A loopback Plex Media Server (the "URL commands" of support.plex.tv): X-Plex-Token as a header or a
// query parameter; GET /library/sections → XML MediaContainer of Directory elements with their Location
// paths; GET /library/sections/{key}/refresh[?path=] → 200 with an empty body.

export const PLEX_FAKE_TOKEN = 'plex-fake-token-0123456789';

export interface FakePlexSection {
  key: string;
  title: string;
  type: 'movie' | 'show' | 'artist' | 'photo';
  locations: string[];
}

export interface FakePlex extends FakeServer {
  /** Every accepted refresh: the section key and the path, if one was given. */
  refreshes(): { section: string; path: string | undefined }[];
}

export async function startFakePlex(sections: FakePlexSection[], token = PLEX_FAKE_TOKEN): Promise<FakePlex> {
  const server = await startHttpFake({ apiRoot: '', errorBody: () => ({}), route: (request) => route(request, sections, token) });
  return Object.assign(server, {
    refreshes: () =>
      server.requests
        .filter((r) => tokenOf(r) === token)
        .map((r) => ({ match: /^\/library\/sections\/([^/]+)\/refresh$/.exec(r.path), query: r.query }))
        .filter(({ match }) => match && sections.some((s) => s.key === match[1]))
        .map(({ match, query }) => ({ section: match![1]!, path: query.path })),
  });
}

const tokenOf = (request: RecordedRequest) => headerValue(request, 'x-plex-token') ?? request.query['X-Plex-Token'];

function route(request: RecordedRequest, sections: FakePlexSection[], token: string): FakeReply {
  if (tokenOf(request) !== token)
    return html(401, '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>');
  if (request.method !== 'GET') return html(405, '');
  if (request.path === '/library/sections') return xml(sectionsXml(sections));
  const refresh = /^\/library\/sections\/([^/]+)\/refresh$/.exec(request.path);
  if (refresh)
    return sections.some((s) => s.key === refresh[1])
      ? { status: 200, rawBody: '', headers: { 'content-type': 'text/plain' } }
      : html(404, '');
  return html(404, '');
}

function sectionsXml(sections: FakePlexSection[]): string {
  const directories = sections.map(
    (s) =>
      `  <Directory allowSync="1" art="/:/resources/${s.type}-fanart.jpg" key="${s.key}" type="${s.type}" title="${escape(s.title)}" agent="tv.plex.agents.${s.type}" scanner="Plex ${s.type}" language="en-US" refreshing="0">\n` +
      s.locations.map((path, i) => `    <Location id="${Number(s.key) * 10 + i}" path="${escape(path)}" />\n`).join('') +
      '  </Directory>\n',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="${sections.length}" allowSync="0" title1="Plex Library">\n${directories.join('')}</MediaContainer>\n`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const xml = (body: string): FakeReply => ({ status: 200, rawBody: body, headers: { 'content-type': 'text/xml;charset=utf-8' } });
const html = (status: number, body: string): FakeReply => ({ status, rawBody: body, headers: { 'content-type': 'text/html' } });
