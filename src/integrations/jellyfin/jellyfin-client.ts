import type { JellyfinConfig } from '../notification-config.js';
import { mapPath } from '../path-mapping.js';
import type { PlayerRefreshOutcome, PlayerRefreshRequest } from '../player-refresh.js';
import { joinUrl } from '../../http/http-request.js';
import { parseJsonAnswer, targetRequest } from '../http/target-request.js';

const UPDATE_TYPES = { added: 'Created', updated: 'Modified', removed: 'Deleted' } as const;

/**
 * Jellyfin's REST API with an API key (Dashboard → API Keys), sent in the Authorization header as
 * `MediaBrowser Token="…"`, the form Jellyfin documents for server-to-server calls.
 */
export class JellyfinClient {
  private readonly target = 'Jellyfin';

  constructor(private readonly config: JellyfinConfig) {}

  private headers(json: boolean): Record<string, string> {
    return {
      Authorization: `MediaBrowser Client="Reelflow", Token="${this.config.apiKey}"`,
      Accept: 'application/json',
      ...(json ? { 'Content-Type': 'application/json' } : {}),
    };
  }

  /** Tells Jellyfin exactly which paths changed; it scans just those. Answers 204. */
  async mediaUpdated(updates: { path: string; updateType: 'Created' | 'Modified' | 'Deleted' }[]): Promise<void> {
    await targetRequest({
      target: this.target,
      url: joinUrl(this.config.url, '/Library/Media/Updated'),
      method: 'POST',
      headers: this.headers(true),
      body: JSON.stringify({ Updates: updates.map((u) => ({ Path: u.path, UpdateType: u.updateType })) }),
      timeoutMs: this.config.timeoutMs,
    });
  }

  /** Scans every library: the fallback when a path cannot be named. */
  async refreshAll(): Promise<void> {
    await targetRequest({
      target: this.target,
      url: joinUrl(this.config.url, '/Library/Refresh'),
      method: 'POST',
      headers: this.headers(false),
      timeoutMs: this.config.timeoutMs,
    });
  }

  /** The server's name and version: proves the URL and the key. */
  async systemInfo(): Promise<{ ServerName?: string; Version?: string }> {
    const response = await targetRequest({
      target: this.target,
      url: joinUrl(this.config.url, '/System/Info'),
      headers: this.headers(false),
      timeoutMs: this.config.timeoutMs,
    });
    return parseJsonAnswer(response, this.target, '/System/Info') as { ServerName?: string; Version?: string };
  }

  async refresh(request: PlayerRefreshRequest): Promise<PlayerRefreshOutcome> {
    const { scope } = request;
    const localPath = scope.kind === 'folder' ? scope.path : scope.rootPath;
    const path = mapPath(localPath, this.config.pathMappings);
    if (path === undefined) {
      await this.refreshAll();
      return { status: 'refreshed', detail: `full library refresh (no path mapping for ${localPath})`, coveredEverything: true };
    }
    const updateType = scope.kind === 'folder' ? UPDATE_TYPES[scope.change] : 'Modified';
    await this.mediaUpdated([{ path, updateType }]);
    return { status: 'refreshed', detail: `${updateType} ${path}`, coveredEverything: false };
  }
}
