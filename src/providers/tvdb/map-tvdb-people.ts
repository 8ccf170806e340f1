import type { ProviderCastMember, ProviderCrewMember, ProviderTrailer } from '../types.js';
import { tvdbImageUrl } from './tvdb-image-url.js';
import type { TvdbCharacter } from './tvdb-schemas.js';

// TVDB lists every credited person as a "character" with a peopleType; these are the on-screen ones.
const CAST_TYPES = new Set(['Actor', 'Host']);

// TVDB people types behind the camera, with the TMDB-style department our crew records use.
const CREW_DEPARTMENTS: Readonly<Record<string, string>> = {
  Director: 'Directing',
  Writer: 'Writing',
  Creator: 'Writing',
  Producer: 'Production',
  'Executive Producer': 'Production',
  Showrunner: 'Production',
};

export function mapTvdbCast(characters: readonly TvdbCharacter[]): ProviderCastMember[] {
  return characters
    .filter((character) => character.personName && CAST_TYPES.has(character.peopleType ?? ''))
    .map((character, index) => {
      const thumb = character.personImgURL || character.image;
      return {
        name: character.personName ?? '',
        ...(character.name ? { role: character.name } : {}),
        order: character.sort ?? index,
        ...(thumb ? { thumbUrl: tvdbImageUrl(thumb) } : {}),
      };
    })
    .sort((a, b) => a.order - b.order);
}

export function mapTvdbCrew(characters: readonly TvdbCharacter[]): ProviderCrewMember[] {
  return characters.flatMap((character) => {
    const job = character.peopleType ?? '';
    const department = CREW_DEPARTMENTS[job];
    return department && character.personName ? [{ name: character.personName, job, department }] : [];
  });
}

/** TVDB trailers are bare URLs; YouTube ones are split into site and key like TMDB's. */
export function mapTvdbTrailers(trailers: readonly { name?: string | null; url: string }[]): ProviderTrailer[] {
  return trailers.flatMap((trailer) => {
    let url: URL;
    try {
      url = new URL(trailer.url);
    } catch {
      return [];
    }
    const name = trailer.name?.trim() || 'Trailer';
    const key = youtubeKey(url);
    if (key) return [{ site: 'YouTube', key, name, url: trailer.url }];
    return [{ site: url.hostname, key: trailer.url, name, url: trailer.url }];
  });
}

function youtubeKey(url: URL): string | undefined {
  const host = url.hostname.replace(/^(www|m)\./, '');
  if (host === 'youtube.com') return url.searchParams.get('v') ?? undefined;
  if (host === 'youtu.be') return url.pathname.slice(1) || undefined;
  return undefined;
}
