import type { FileSystemFailure } from './file-system.js';

/** The errno code of a Node file-system error ('EACCES', 'ENOENT', …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * 'EACCES: permission denied' from Node's "EACCES: permission denied, scandir '/path'": the issue already
 * carries the path, and the syscall name means nothing to the person reading it.
 */
export function describeFileSystemError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutSyscall = /^([A-Z][A-Z0-9_]*: [^,]+),/.exec(message);
  return withoutSyscall?.[1] ?? message;
}

/** A failure that crossed from the walk's thread back into the Node error it was, code and message kept. */
export function failureAsError(failure: FileSystemFailure): NodeJS.ErrnoException {
  return Object.assign(new Error(failure.message), { code: failure.code });
}
