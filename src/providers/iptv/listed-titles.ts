import { createHash } from 'node:crypto';
import type { ListedTitle } from '../../db/repositories/provider-title-repository.js';
import type { CatalogueListing } from './catalogue.js';
import type { NameCleanupRule } from '../../contracts/iptv-providers.js';
import { cleanTitle } from './title-names.js';

/**
 * A catalogue listing as rows to store: names cleaned with the provider's rules, a fingerprint over what
 * matters to matching, malformed entries already ignored, and one row per key (a panel listing a title in
 * two categories keeps the first).
 */
export function toListedTitles(listing: CatalogueListing, rules: readonly NameCleanupRule[]): ListedTitle[] {
  const byKey = new Map<string, ListedTitle>();
  for (const entry of listing.entries) {
    if (byKey.has(entry.titleKey)) continue;
    const clean = cleanTitle(entry.name, rules);
    const year = entry.year ?? clean.year ?? null;
    const fingerprintOf = [
      entry.name,
      clean.title,
      year,
      entry.category,
      entry.tmdbId ?? null,
      entry.imdbId ?? null,
      entry.streams,
      entry.revision ?? null,
    ];
    byKey.set(entry.titleKey, {
      titleKey: entry.titleKey,
      type: entry.type,
      name: entry.name,
      cleanedTitle: clean.title,
      year,
      category: entry.category,
      sourceId: entry.sourceId,
      detailsFromProvider: entry.detailsFromProvider,
      providerTmdbId: entry.tmdbId ?? null,
      providerImdbId: entry.imdbId ?? null,
      fingerprint: createHash('sha256').update(JSON.stringify(fingerprintOf)).digest('hex'),
      streams: entry.streams,
      ignoredReason: null,
    });
  }
  for (const bad of listing.malformed) {
    if (byKey.has(bad.titleKey)) continue;
    byKey.set(bad.titleKey, {
      titleKey: bad.titleKey,
      type: bad.type,
      name: bad.name,
      cleanedTitle: '',
      year: null,
      category: null,
      sourceId: '',
      detailsFromProvider: false,
      providerTmdbId: null,
      providerImdbId: null,
      fingerprint: createHash('sha256')
        .update(JSON.stringify([bad.name, bad.reason]))
        .digest('hex'),
      streams: {},
      ignoredReason: bad.reason,
    });
  }
  return [...byKey.values()];
}
