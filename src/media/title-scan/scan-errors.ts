/** Thrown when the title's own folder (or, for a loose movie file, the library root) cannot be listed. */
export class TitleFolderUnreadableError extends Error {
  override readonly name = 'TitleFolderUnreadableError';

  constructor(
    readonly folderPath: string,
    cause: unknown,
  ) {
    super(`cannot read title folder ${folderPath}: ${describeError(cause)}`, { cause });
  }
}

/**
 * The reason to record for a failure with one file. Node's file-system messages are cut before the
 * syscall and path ("EACCES: permission denied, open '/x'" → "EACCES: permission denied"): the entry
 * already names the file. Other errors (NfoParseError, ProbeError, image errors) keep their whole message.
 */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutSyscall = /^([A-Z][A-Z0-9_]*: [^,]+),/.exec(message);
  return withoutSyscall?.[1] ?? message;
}
