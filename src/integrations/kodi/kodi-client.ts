import { z } from 'zod';
import type { KodiHostConfig } from '../notification-config.js';
import { joinUrl } from '../../http/http-request.js';
import { parseJsonAnswer, targetRequest } from '../http/target-request.js';
import { TargetError } from '../http/target-error.js';

// Kodi's JSON-RPC API (v12 and later, Kodi 19+) over HTTP: every call is a JSON-RPC 2.0 request POSTed to
// <web server>/jsonrpc, with HTTP Basic auth when the web server has a password.

const activePlayersSchema = z.array(z.object({ playerid: z.number(), type: z.string() }).loose());

const rpcAnswerSchema = z
  .object({
    jsonrpc: z.literal('2.0'),
    result: z.unknown().optional(),
    error: z.object({ code: z.number(), message: z.string() }).loose().optional(),
  })
  .loose();

export interface KodiActivePlayer {
  playerid: number;
  type: string;
}

export class KodiClient {
  private nextId = 1;
  readonly displayName: string;

  constructor(
    private readonly host: KodiHostConfig,
    private readonly timeoutMs: number,
  ) {
    this.displayName = `Kodi "${host.name}"`;
  }

  /** One JSON-RPC call; a JSON-RPC error object becomes a TargetError with Kodi's message. */
  async call(method: string, params?: Record<string, unknown>): Promise<unknown> {
    const endpoint = '/jsonrpc';
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (this.host.username !== undefined || this.host.password !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${this.host.username ?? ''}:${this.host.password ?? ''}`).toString('base64')}`;
    }
    const request = { jsonrpc: '2.0', id: this.nextId++, method, ...(params === undefined ? {} : { params }) };
    const response = await targetRequest({
      target: this.displayName,
      url: joinUrl(this.host.url, endpoint),
      method: 'POST',
      headers,
      body: JSON.stringify(request),
      timeoutMs: this.timeoutMs,
    });
    const answer = rpcAnswerSchema.safeParse(parseJsonAnswer(response, this.displayName, endpoint));
    if (!answer.success) {
      throw new TargetError(`${this.displayName} answered ${method} with something that is not JSON-RPC 2.0`, {
        target: this.displayName,
        endpoint,
        retryable: false,
      });
    }
    if (answer.data.error) {
      const { code, message } = answer.data.error;
      // -32602 invalid params / -32601 method not found are our request's fault; anything else (-32100
      // "failed to execute") is Kodi's state and may pass.
      const retryable = code !== -32602 && code !== -32601 && code !== -32600;
      throw new TargetError(`${this.displayName} refused ${method}: ${message} (${code})`, {
        target: this.displayName,
        endpoint,
        retryable,
      });
    }
    return answer.data.result;
  }

  async activePlayers(): Promise<KodiActivePlayer[]> {
    const result = activePlayersSchema.safeParse(await this.call('Player.GetActivePlayers'));
    if (!result.success) {
      throw new TargetError(`${this.displayName} answered Player.GetActivePlayers with an unexpected result`, {
        target: this.displayName,
        endpoint: '/jsonrpc',
        retryable: false,
      });
    }
    return result.data;
  }

  async isPlayingVideo(): Promise<boolean> {
    return (await this.activePlayers()).some((player) => player.type === 'video');
  }

  /** Scans `directory` (Kodi's own name for it, ending in a separator), or every video source without one. */
  async scan(directory?: string): Promise<void> {
    await this.call('VideoLibrary.Scan', { showdialogs: false, ...(directory === undefined ? {} : { directory }) });
  }

  /** Removes library entries whose files are gone. */
  async clean(): Promise<void> {
    await this.call('VideoLibrary.Clean', { showdialogs: false });
  }

  /** The cheapest call that proves the URL and the credentials: "pong". */
  async ping(): Promise<unknown> {
    return this.call('JSONRPC.Ping');
  }
}
