/**
 * The provider's own explanation from an error body, for error messages and logs. Each provider names the
 * field differently: TMDB `status_message`, Fanart.tv `error message`, TVDB `message`, MusicBrainz `error`.
 */
export function providerMessageFrom(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  for (const key of ['status_message', 'error message', 'message', 'error']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
