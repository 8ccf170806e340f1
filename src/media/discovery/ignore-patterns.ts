import { RE2JS } from 're2js';

/**
 * Compiles the scan configuration's glob-style ignore patterns. A pattern is matched, whole and
 * case-insensitively, against an entry's name and against its path relative to the library root, so
 * `@eaDir` ignores that folder anywhere while `Collections/Old/**` ignores one subtree:
 * `*` and `?` stay within one path segment, `**` crosses segments, `**\/` may also stand for no folder
 * and a trailing `/**` matches the folder itself.
 *
 * The patterns run on RE2 (re2js), an automaton that matches in time linear in the name: a pattern such
 * as `*a*a*a*a*a*a*a*a*a*a*!` that sends a backtracking engine (JavaScript's RegExp, and with it
 * picomatch and minimatch) into minutes per name cannot slow a scan.
 */
export type IgnoreMatcher = (name: string, relativePath: string) => boolean;

export function compileIgnorePatterns(patterns: readonly string[]): IgnoreMatcher {
  if (patterns.length === 0) return () => false;
  const combined = RE2JS.compile(`(?:${patterns.map(globToRegExpSource).join('|')})`, RE2JS.CASE_INSENSITIVE);
  // matches() is anchored at both ends: the whole name or path.
  return (name, relativePath) => combined.matches(name) || combined.matches(relativePath);
}

function globToRegExpSource(pattern: string): string {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] as string;
    if (char === '*' && pattern[index + 1] === '*') {
      index += 1;
      if (pattern[index + 1] === '/') {
        index += 1;
        source += '(?:.*/)?';
      } else if (source.endsWith('/') && index === pattern.length - 1) {
        // `Folder/**` also matches `Folder` itself, so the walk never lists a folder whose contents are all ignored.
        source = `${source.slice(0, -1)}(?:/.*)?`;
      } else {
        source += '.*';
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += escapeRegExp(char);
    }
  }
  return source;
}

function escapeRegExp(char: string): string {
  return /[\\^$.|+()[\]{}]/.test(char) ? `\\${char}` : char;
}
