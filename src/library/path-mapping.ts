import path from 'node:path';

export interface PathMapping {
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
export function mapRemotePath(mappings: readonly PathMapping[], remotePath: string): string | null {
  const remote = normalise(remotePath);
  let best: { mapping: PathMapping; prefix: string } | null = null;
  for (const mapping of mappings) {
    const prefix = normalise(mapping.remotePrefix);
    const matches = remote === prefix || remote.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
    if (matches && (!best || prefix.length > best.prefix.length)) best = { mapping, prefix };
  }
  if (!best) return null;
  const rest = remote.slice(best.prefix.length).replace(/^\/+/, '');
  return rest === '' ? path.resolve(best.mapping.localPrefix) : path.join(path.resolve(best.mapping.localPrefix), ...rest.split('/'));
}

function normalise(p: string): string {
  const slashes = p.replaceAll('\\', '/').replace(/\/{2,}/g, '/');
  return slashes.length > 1 ? slashes.replace(/\/+$/, '') : slashes;
}
