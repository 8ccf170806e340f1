/**
 * Providers name languages differently: TMDB and Fanart.tv use ISO 639-1 ("en"), TVDB ISO 639-2 ("eng"),
 * and "no language" is null, "", "00", "zxx" or "und". Artwork is compared across providers, so every
 * ProviderImage carries ISO 639-1 where one exists (Intl's canonicalisation maps "eng" to "en"), or null.
 */
export function normaliseLanguage(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const trimmed = code.trim().toLowerCase();
  if (trimmed === '' || trimmed === '00' || trimmed === 'zxx' || trimmed === 'und' || trimmed === 'null') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical ?? trimmed;
  } catch {
    // Not a valid language tag at all; keep what the provider said rather than drop the information.
    return trimmed;
  }
}
