import path from 'node:path';
import { longestMatchingPrefix } from '../paths/longest-prefix.js';

/** How another machine (Radarr, Sonarr) names a folder of ours: its paths are turned into ours. */
export interface IncomingPathMapping {
  /** As Radarr/Sonarr (or another machine) see the folder, e.g. "/movies" or "D:\\Media\\Movies". */
  remotePrefix: string;
  /** The same folder on this machine. */
  localPrefix: string;
}

/**
 * Turns a path as another machine names it into ours. The longest matching prefix wins, matched on whole
 * path segments ("/movies" does not match "/movies-4k/x"), Windows separators read as "/". Null when no
 * mapping applies; a path that already is local is returned by the caller's own check, not here.
 */
export function mapRemotePath(mappings: readonly IncomingPathMapping[], remotePath: string): string | null {
  const remote = normalise(remotePath);
  const best = longestMatchingPrefix(remote, mappings, (mapping) => normalise(mapping.remotePrefix));
  if (!best) return null;
  const rest = remote.slice(best.prefix.length).replace(/^\/+/, '');
  return rest === '' ? path.resolve(best.candidate.localPrefix) : path.join(path.resolve(best.candidate.localPrefix), ...rest.split('/'));
}

function normalise(p: string): string {
  const slashes = p.replaceAll('\\', '/').replace(/\/{2,}/g, '/');
  return slashes.length > 1 ? slashes.replace(/\/+$/, '') : slashes;
}
