import { z } from 'zod';
import { MB } from '../../http/capped-body.js';
import { httpRequest, joinUrl, type HttpAnswer } from '../../http/http-request.js';
import { isInfoHash } from '../bittorrent/torrent-file.js';

/** A torrent list of thousands of torrents is a few megabytes of JSON. */
const MAX_ANSWER_BYTES = 64 * MB;

export interface QbittorrentSettings {
  /** WebUI address, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  username?: string;
  password?: string;
  timeoutMs?: number;
}

const torrentInfoSchema = z.object({
  hash: z.string(),
  name: z.string(),
  state: z.string(),
  progress: z.number(),
  dlspeed: z.number(),
  size: z.number(),
  eta: z.number().optional(),
  save_path: z.string(),
  content_path: z.string().optional(),
  category: z.string().optional(),
  tags: z.string().optional(),
  num_seeds: z.number().optional(),
});
export type TorrentInfo = z.infer<typeof torrentInfoSchema>;

const torrentFileSchema = z.object({
  index: z.number().optional(),
  name: z.string(),
  size: z.number(),
  progress: z.number(),
  /** First and last piece holding the file's bytes (WebUI API 2.2+). */
  piece_range: z.tuple([z.number(), z.number()]).optional(),
});
export type TorrentFile = z.infer<typeof torrentFileSchema>;

export class QbittorrentError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'QbittorrentError';
  }
}

/** `torrents/pieceStates`: a piece that is downloaded and passed its hash check. */
export const PIECE_DOWNLOADED = 2;

/** States in which a torrent makes no progress by itself: a broken one, or one without data to read. */
export const ERROR_STATES = new Set(['error', 'missingFiles']);
export const STALLED_STATES = new Set(['stalledDL', 'metaDL']);

export type TorrentSource = { kind: 'file'; torrent: Buffer; fileName: string } | { kind: 'url'; url: string };

/**
 * qBittorrent's WebUI API v2: a cookie session from /auth/login (renewed once on a 403), then form posts.
 * Loopback clients with "bypass authentication for localhost" work without credentials.
 */
export class QbittorrentClient {
  private cookie: string | undefined;

  constructor(private readonly settings: QbittorrentSettings) {}

  async version(): Promise<string> {
    return this.call('GET', '/app/version');
  }

  /** `sequential` fetches pieces in order, so the files of a season pack complete one after another. */
  async add(
    source: TorrentSource,
    options: { savePath?: string; category: string; tags: string[]; skipChecking?: boolean; sequential?: boolean },
  ): Promise<void> {
    const form = new FormData();
    if (source.kind === 'file')
      form.append('torrents', new Blob([new Uint8Array(source.torrent)], { type: 'application/x-bittorrent' }), source.fileName);
    else form.append('urls', source.url);
    if (options.savePath) form.append('savepath', options.savePath);
    form.append('category', options.category);
    form.append('tags', options.tags.join(','));
    if (options.skipChecking) form.append('skip_checking', 'true');
    if (options.sequential) form.append('sequentialDownload', 'true');
    const answer = await this.call('POST', '/torrents/add', form);
    // 4.x answers 200 "Fails." when it refused the torrent, which includes "already added": callers look first.
    if (answer.trim() === 'Fails.') throw new QbittorrentError('qBittorrent refused the torrent (torrents/add answered "Fails.")');
  }

  /** Every torrent when called without hashes. */
  async info(hashes?: string[]): Promise<TorrentInfo[]> {
    const text = await this.call('GET', hashes === undefined ? '/torrents/info' : `/torrents/info?hashes=${hashList(hashes)}`);
    return parseJson(text, z.array(torrentInfoSchema), '/torrents/info');
  }

  async get(hash: string): Promise<TorrentInfo | undefined> {
    return (await this.info([hash]))[0];
  }

  async files(hash: string): Promise<TorrentFile[]> {
    const text = await this.call('GET', `/torrents/files?hash=${hashList([hash])}`);
    return parseJson(text, z.array(torrentFileSchema), '/torrents/files');
  }

  /** One state per piece: 0 not downloaded, 1 downloading, 2 downloaded (hash-checked). */
  async pieceStates(hash: string): Promise<number[]> {
    const text = await this.call('GET', `/torrents/pieceStates?hash=${hashList([hash])}`);
    return parseJson(text, z.array(z.number()), '/torrents/pieceStates');
  }

  async delete(hashes: string[], deleteFiles: boolean): Promise<void> {
    await this.call('POST', '/torrents/delete', new URLSearchParams({ hashes: hashList(hashes), deleteFiles: String(deleteFiles) }));
  }

  /** Bytes per second each torrent may send; 0 removes the limit. */
  async setUploadLimit(hashes: string[], bytesPerSecond: number): Promise<void> {
    await this.call('POST', '/torrents/setUploadLimit', new URLSearchParams({ hashes: hashList(hashes), limit: String(bytesPerSecond) }));
  }

  async addPeers(hashes: string[], peers: string[]): Promise<void> {
    await this.call('POST', '/torrents/addPeers', new URLSearchParams({ hashes: hashList(hashes), peers: peers.join('|') }));
  }

  private async login(): Promise<void> {
    const body = new URLSearchParams({ username: this.settings.username ?? '', password: this.settings.password ?? '' });
    const response = await this.request('POST', '/auth/login', body, false);
    const text = response.text;
    if (response.status !== 200 || text.trim() !== 'Ok.')
      throw new QbittorrentError(`qBittorrent login refused (HTTP ${response.status}: ${text.trim()})`, response.status);
    const setCookie = response.headers.get('set-cookie');
    const sid = setCookie ? /SID=[^;]+/.exec(setCookie)?.[0] : undefined;
    this.cookie = sid;
  }

  private async call(method: 'GET' | 'POST', endpoint: string, body?: FormData | URLSearchParams): Promise<string> {
    if (this.cookie === undefined && this.settings.username) await this.login();
    let response = await this.request(method, endpoint, body, true);
    if (response.status === 403 && this.settings.username) {
      await this.login();
      response = await this.request(method, endpoint, body, true);
    }
    const text = response.text;
    if (response.status < 200 || response.status >= 300)
      throw new QbittorrentError(`qBittorrent ${endpoint} answered HTTP ${response.status}: ${text.trim().slice(0, 200)}`, response.status);
    return text;
  }

  private async request(
    method: 'GET' | 'POST',
    endpoint: string,
    body: FormData | URLSearchParams | undefined,
    withCookie: boolean,
  ): Promise<HttpAnswer> {
    const url = joinUrl(this.settings.baseUrl, `/api/v2${endpoint}`);
    const headers: Record<string, string> = {};
    if (withCookie && this.cookie) headers.Cookie = this.cookie;
    try {
      return await httpRequest({
        url,
        method,
        headers,
        body,
        timeoutMs: this.settings.timeoutMs ?? 15_000,
        maxBodyBytes: MAX_ANSWER_BYTES,
        what: `qBittorrent's answer to ${endpoint}`,
      });
    } catch (error) {
      throw new QbittorrentError(`qBittorrent at ${this.settings.baseUrl} did not answer ${endpoint}: ${(error as Error).message}`);
    }
  }
}

/**
 * The `hashes=` value for these torrents. qBittorrent reads `all` (and, for some calls, an empty value) as
 * every torrent it has: only real info hashes are ever sent, at least one.
 */
function hashList(hashes: string[]): string {
  const refused = hashes.find((hash) => !isInfoHash(hash));
  if (hashes.length === 0 || refused !== undefined)
    throw new QbittorrentError(
      `Refusing to name torrents by ${JSON.stringify(refused ?? '')}: only 40-digit lower-case hex info hashes are sent to qBittorrent`,
    );
  return hashes.join('|');
}

function parseJson<S extends z.ZodType>(text: string, schema: S, endpoint: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new QbittorrentError(`qBittorrent ${endpoint} answered something that is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new QbittorrentError(`qBittorrent ${endpoint} answered an unexpected shape: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
