import fs from 'node:fs/promises';
import path from 'node:path';

export type LibraryRootProblem = { kind: 'invalid'; reason: string } | { kind: 'forbidden'; reason: string };

/**
 * Checks that a library root is an existing, readable directory inside one of the allowed media roots
 * (when any are configured). Symlinks are resolved first so a link cannot lead outside the roots.
 * Returns the resolved path, or the problem.
 */
export async function checkLibraryRoot(rootPath: string, allowedRoots: string[]): Promise<{ realPath: string } | LibraryRootProblem> {
  if (!path.isAbsolute(rootPath)) return { kind: 'invalid', reason: `rootPath must be an absolute path, got "${rootPath}"` };
  let realPath: string;
  try {
    realPath = await fs.realpath(rootPath);
    const stat = await fs.stat(realPath);
    if (!stat.isDirectory()) return { kind: 'invalid', reason: `rootPath "${rootPath}" is not a directory` };
    await fs.access(realPath, fs.constants.R_OK | fs.constants.X_OK);
    await fs.readdir(realPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'invalid', reason: `rootPath "${rootPath}" does not exist` };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'invalid', reason: `rootPath "${rootPath}" is not readable` };
    return { kind: 'invalid', reason: `rootPath "${rootPath}" cannot be read: ${code ?? String(err)}` };
  }
  if (allowedRoots.length > 0) {
    const allowed = await Promise.all(allowedRoots.map((r) => fs.realpath(r).catch(() => path.resolve(r))));
    if (!allowed.some((root) => isInside(realPath, root))) {
      return { kind: 'forbidden', reason: `rootPath "${rootPath}" is outside every MEDIA_ROOTS folder` };
    }
  }
  return { realPath };
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
