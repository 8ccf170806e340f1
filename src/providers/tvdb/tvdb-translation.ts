import type { TvdbTranslations } from './tvdb-schemas.js';

/**
 * The name and overview in the wanted language (ISO 639-2, TVDB's "eng"), else English, else undefined so
 * the caller keeps the record's own values, which are in the show's original language.
 */
export function pickTvdbTranslation(
  translations: TvdbTranslations | null | undefined,
  language: string,
): { name?: string; overview?: string } {
  if (!translations) return {};
  const preference = language === 'eng' ? ['eng'] : [language, 'eng'];
  const name = firstIn(
    preference,
    translations.nameTranslations.filter((entry) => !entry.isAlias),
    'name',
  );
  const overview = firstIn(preference, translations.overviewTranslations, 'overview');
  return { ...(name ? { name } : {}), ...(overview ? { overview } : {}) };
}

function firstIn(
  languages: readonly string[],
  entries: TvdbTranslations['nameTranslations'],
  field: 'name' | 'overview',
): string | undefined {
  for (const language of languages) {
    const value = entries.find((entry) => entry.language === language)?.[field]?.trim();
    if (value) return value;
  }
  return undefined;
}
