/**
 * Removes credentials from text bound for a log: query parameters that carry keys or passwords (the API's
 * own `?apikey=`, Torznab `apikey=`, IPTV `password=`) and the password of a `user:password@` URL.
 */
const SECRET_PARAMETER = /([?&](?:api[-_]?key|apikey|password|passkey|token|access[-_]?token|x-plex-token)=)[^&#\s"'<>]*/giu;
const URL_PASSWORD = /(\/\/[^/@:\s"'<>]*:)[^/@\s"'<>]+@/gu;

export const REDACTED = '[redacted]';

export function redactSecrets(text: string): string {
  return text.replace(SECRET_PARAMETER, `$1${REDACTED}`).replace(URL_PASSWORD, `$1${REDACTED}@`);
}
