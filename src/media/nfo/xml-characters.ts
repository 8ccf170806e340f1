// Matching control characters is the point here, which the lint rule exists to flag as accidental.
// eslint-disable-next-line no-control-regex
const CHARACTERS_NOT_ALLOWED_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Removes characters XML 1.0 forbids. They turn up in text copied from providers and web pages, carry no
 * meaning in metadata, and would make a strict reader (Kodi's included) reject the whole file.
 */
export function withoutCharactersNotAllowedInXml(text: string): string {
  return text.replace(CHARACTERS_NOT_ALLOWED_IN_XML, '');
}
