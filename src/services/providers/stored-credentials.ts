import { InvalidRequestError } from '../service-errors.js';

/** A provider as the API shows it: masked credentials (or why they cannot be read) and where they are sent. */
interface StoredProvider {
  baseUrl: string;
  credentials: Record<string, string>;
  credentialsError?: string;
}

/**
 * Stored credentials go only to the origin they were entered for. A change of `baseUrl` to another origin
 * without credentials in the same request is a 400: otherwise anyone holding the API key could point a
 * provider at their own server and receive the stored key.
 */
export function refuseMovedCredentials(existing: StoredProvider, patch: { baseUrl?: string; credentials?: Record<string, string> }): void {
  if (patch.baseUrl === undefined || patch.credentials !== undefined) return;
  const hasCredentials = Object.keys(existing.credentials).length > 0 || existing.credentialsError !== undefined;
  if (!hasCredentials || originOf(existing.baseUrl) === originOf(patch.baseUrl)) return;
  throw new InvalidRequestError(
    `body.credentials: the stored credentials were entered for ${originOf(existing.baseUrl) ?? existing.baseUrl}; send them again to use them with ${originOf(patch.baseUrl) ?? patch.baseUrl}`,
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
