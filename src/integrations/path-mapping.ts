import { longestMatchingPrefix } from '../paths/longest-prefix.js';

/**
 * Path mappings: how a folder on this machine is named on another one (a Kodi box that reads the same
 * disk over smb://, a Plex container that mounts it at /data). The longest matching `from` prefix wins,
 * matched on whole path segments, so /media/movies does not match /media/movies-4k.
 */
export interface OutgoingPathMapping {
  /** A folder prefix on this machine, e.g. "/srv/media". */
  from: string;
  /** The same folder as the other side names it, e.g. "smb://nas/media" or "D:\\Media". */
  to: string;
}

export interface MapPathOptions {
  /** End the result with a separator, as Kodi names directories (its sources end in "/"). */
  directory?: boolean;
}

/**
 * The other side's name for `localPath`. Without any mappings the other side sees the same path (it runs
 * on this machine or mounts the disk at the same place). With mappings but none that matches, undefined:
 * the caller then falls back to a wider refresh rather than naming a path the other side cannot know.
 */
export function mapPath(localPath: string, mappings: readonly OutgoingPathMapping[], options: MapPathOptions = {}): string | undefined {
  const local = trimSeparators(localPath);
  if (mappings.length === 0) return withDirectoryEnd(local, '/', options);
  // "/" becomes "", which prefixes every absolute path.
  const match = longestMatchingPrefix(local, mappings, (mapping) => mapping.from.replace(/\/+$/, ''));
  if (!match) return undefined;
  const to = match.candidate.to;
  const separator = usesBackslashes(to) ? '\\' : '/';
  const rest = local.slice(match.prefix.length).split('/').filter(Boolean);
  const base = to.replace(/[\\/]+$/, '');
  const mapped = rest.length === 0 ? base : `${base}${separator}${rest.join(separator)}`;
  return withDirectoryEnd(mapped, separator, options);
}

/** A Windows path ("D:\\Media", "\\\\nas\\media") uses backslashes; URLs (smb://, nfs://) and POSIX paths slashes. */
function usesBackslashes(path: string): boolean {
  return !path.includes('://') && (/^[A-Za-z]:/.test(path) || path.startsWith('\\\\') || (path.includes('\\') && !path.includes('/')));
}

function trimSeparators(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function withDirectoryEnd(path: string, separator: string, options: MapPathOptions): string {
  if (!options.directory || path.endsWith(separator)) return path;
  return `${path}${separator}`;
}
