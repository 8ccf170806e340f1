import type { TorznabIndexer } from './torznab-indexer.js';

/**
 * Prowlarr's and Jackett's download links carry the API key of the indexer URL they were reached through
 * (`/1/download?apikey=…&link=…`, `/dl/…?jackett_apikey=…`). A release travels through workflow inputs,
 * results, queries and processing_items, none of which may hold it: each secret value of the configured URL
 * is replaced in links by a placeholder naming where it came from, `{indexer-secret:apikey}`, and put back
 * only inside the activity that fetches the link, from the indexer's configuration as it is then.
 */

/** Query parameters of an indexer URL that hold credentials. */
const SECRET_PARAMETER = /key|pass|token|secret|auth|sig/i;

const placeholder = (name: string) => `{indexer-secret:${name}}`;

/** The configured URL's secret values, by the name the placeholder carries. */
function secretsOf(indexer: TorznabIndexer): Map<string, string> {
  const secrets = new Map<string, string>();
  let url: URL;
  try {
    url = new URL(indexer.apiUrl);
  } catch {
    return secrets;
  }
  for (const [name, value] of url.searchParams) if (SECRET_PARAMETER.test(name) && value !== '') secrets.set(`query.${name}`, value);
  if (url.username) secrets.set('username', decodeURIComponent(url.username));
  if (url.password) secrets.set('password', decodeURIComponent(url.password));
  return secrets;
}

/** `text` (a link, a guid) without the indexer's secrets: each is a placeholder. */
export function redactIndexerSecrets(text: string, indexer: TorznabIndexer): string {
  let redacted = text;
  // Longest first, so a secret that contains another is replaced whole.
  const secrets = [...secretsOf(indexer)].sort(([, a], [, b]) => b.length - a.length);
  for (const [name, value] of secrets) {
    for (const form of new Set([encodeURIComponent(value), value])) redacted = redacted.split(form).join(placeholder(name));
  }
  return redacted;
}

export class IndexerSecretMissingError extends Error {}

/** The link with the indexer's secrets put back; a placeholder the configuration no longer fills is an error. */
export function resolveIndexerSecrets(text: string, indexer: TorznabIndexer | undefined): string {
  const secrets = indexer ? secretsOf(indexer) : new Map<string, string>();
  return text.replace(/\{indexer-secret:([^}]+)\}/g, (_whole, name: string) => {
    const value = secrets.get(name);
    if (value === undefined)
      throw new IndexerSecretMissingError(
        `the link needs the ${name} of indexer ${indexer?.name ?? '(no longer configured)'}, which its URL no longer has`,
      );
    return encodeURIComponent(value);
  });
}
