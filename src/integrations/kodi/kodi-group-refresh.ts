import type { KodiGroupConfig } from '../notification-config.js';
import { mapPath } from '../path-mapping.js';
import type { PlayerRefreshOutcome, PlayerRefreshRequest } from '../player-refresh.js';
import { TargetError } from '../http/target-error.js';
import { KodiClient } from './kodi-client.js';

/**
 * Sends one refresh to a group of Kodi hosts that share a library: the first host that answers and is not
 * playing a video does it (one scan on a shared database updates every host). A host that is down falls
 * through to the next; a host that plays a video is left alone. When none could scan because the
 * reachable ones are playing, the outcome is `deferred` and the caller asks again later; when none could
 * be reached at all, the TargetError says why for each.
 */
export async function refreshKodiGroup(
  group: KodiGroupConfig,
  timeoutMs: number,
  request: PlayerRefreshRequest,
): Promise<PlayerRefreshOutcome> {
  const failures: TargetError[] = [];
  const playing: string[] = [];
  for (const host of group.hosts) {
    const kodi = new KodiClient(host, timeoutMs);
    try {
      if (!request.ignorePlaying && (await kodi.isPlayingVideo())) {
        playing.push(host.name);
        continue;
      }
      const steps: string[] = [];
      if (request.cleanFirst) {
        await kodi.clean();
        steps.push('clean');
      }
      const scope = request.scope;
      // A folder that is gone has nothing to scan: Clean is what removes it from Kodi.
      if (scope.kind === 'folder' && scope.change === 'removed') {
        return {
          status: 'refreshed',
          detail: `${steps.join(' + ') || 'nothing (removal, clean not asked)'} on ${host.name}`,
          coveredEverything: false,
        };
      }
      const localPath = scope.kind === 'folder' ? scope.path : scope.rootPath;
      const directory = mapPath(localPath, host.pathMappings, { directory: true });
      await kodi.scan(directory);
      steps.push(directory === undefined ? `full scan (no path mapping for ${localPath})` : `scan ${directory}`);
      return { status: 'refreshed', detail: `${steps.join(' + ')} on ${host.name}`, coveredEverything: directory === undefined };
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      failures.push(error);
    }
  }
  if (playing.length > 0) {
    return {
      status: 'deferred',
      detail: `playing a video on ${playing.join(', ')}${failures.length ? `; ${failures.map((f) => f.message).join('; ')}` : ''}`,
    };
  }
  throw new TargetError(`No host of Kodi group "${group.name}" could scan: ${failures.map((f) => f.message).join('; ')}`, {
    target: `Kodi group "${group.name}"`,
    endpoint: '/jsonrpc',
    retryable: failures.some((f) => !f.nonRetryable),
    retryAfterMs: Math.max(0, ...failures.map((f) => f.retryAfterMs ?? 0)) || undefined,
  });
}
