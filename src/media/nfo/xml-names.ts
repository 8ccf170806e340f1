/**
 * XML 1.0 names as far as this project writes and accepts them: a letter, `_` or `:` first, then letters, marks,
 * digits, `_`, `.`, `:`, `·` and `-`. The reader refuses other names (its XML parser is more lenient), so that
 * every element it keeps can be written back.
 */
const XML_NAME = /^[\p{L}_:][\p{L}\p{M}\p{N}_.:\u00B7-]*$/u;

export function isXmlName(name: string): boolean {
  return XML_NAME.test(name);
}
