const ARTWORK_HOST = 'https://artworks.thetvdb.com';

/**
 * TVDB v4 sends absolute artwork URLs, but records migrated from v3 can still hold "/banners/..." or bare
 * "posters/..." paths; both live on the artwork host.
 */
export function tvdbImageUrl(image: string): string {
  if (/^https?:\/\//i.test(image)) return image;
  if (image.startsWith('/')) return `${ARTWORK_HOST}${image}`;
  return `${ARTWORK_HOST}/banners/${image}`;
}
