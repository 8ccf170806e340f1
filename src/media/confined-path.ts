import path from 'node:path';

export class PathOutsideRootError extends Error {
  constructor(
    readonly candidate: string,
    readonly root: string,
  ) {
    super(`${candidate} is outside ${root}, the folder this step may change`);
    this.name = 'PathOutsideRootError';
  }
}

/**
 * The absolute path `relative` (or an absolute path) names under `root`, refused unless it lies strictly
 * inside it: every file Reelflow writes or removes is checked with this before it is touched, whatever the
 * input that named it ("..", an absolute path, an empty id). `root` itself is refused too, so a remove can
 * never take the whole folder it owns.
 */
export function confinedPath(root: string, ...segments: string[]): string {
  const base = path.resolve(root);
  const candidate = path.resolve(base, ...segments);
  if (!isInside(base, candidate)) throw new PathOutsideRootError(path.join(...segments), base);
  return candidate;
}

/** True when `candidate` lies strictly inside `root` (both resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(candidate));
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
