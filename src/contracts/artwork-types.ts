/**
 * Artwork types, named as Kodi names them: what a library folder holds, what providers offer and what the
 * publisher writes are the same types, and scans and providers add only their own extras.
 */

/** Kodi's artwork types for a title. */
export type KodiArtworkType = 'poster' | 'fanart' | 'banner' | 'clearlogo' | 'clearart' | 'discart' | 'landscape' | 'keyart' | 'thumb';

/** The artwork types Kodi reads per season. */
export type SeasonArtworkType = 'poster' | 'fanart' | 'banner' | 'landscape';

/** What a scan finds in a title's folder: Kodi's types, plus the `extrafanart/` and `extrathumbs/` folders it reads. */
export type ArtworkAssetType = KodiArtworkType | 'extrafanart' | 'extrathumbs';

/** What providers offer: Kodi's types, character art, and season-scoped variants that carry `ProviderImage.season`. */
export type ProviderAssetType = KodiArtworkType | 'characterart' | `season-${SeasonArtworkType}`;
