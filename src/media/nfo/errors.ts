/**
 * A file that cannot be read as an NFO. The message always starts with the file name, so it can be
 * recorded as an item's failure reason without further context.
 */
export class NfoParseError extends Error {
  override readonly name = 'NfoParseError';

  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
}
