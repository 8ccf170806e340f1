import { dateOrUndefined, textOrUndefined, yearOf } from '../http/dates.js';
import { byConfidence, searchConfidence } from '../../title-matching/search-confidence.js';
import type { ProviderArtistDetails, ProviderReleaseGroup, ProviderSearchResult } from '../types.js';
import type { MusicBrainzArtist, MusicBrainzArtistSearch, MusicBrainzReleaseGroup } from './musicbrainz-schemas.js';

export function mapMusicBrainzArtistSearch(body: MusicBrainzArtistSearch, query: string): ProviderSearchResult[] {
  return byConfidence(
    body.artists.map((artist) => {
      const year = yearOf(artist['life-span']?.begin);
      const overview = textOrUndefined(artist.disambiguation);
      return {
        provider: 'musicbrainz' as const,
        externalIds: { musicbrainz: artist.id },
        title: artist.name,
        ...(year !== undefined ? { year } : {}),
        ...(overview ? { overview } : {}),
        // A band's founding year is not something a search query carries, so only the name counts.
        confidence: searchConfidence({ query, candidateTitles: [artist.name, artist['sort-name']] }),
      };
    }),
  );
}

export function mapMusicBrainzArtist(artist: MusicBrainzArtist): ProviderArtistDetails {
  const lifeSpan = artist['life-span'];
  const premiered = dateOrUndefined(lifeSpan?.begin);
  const year = yearOf(premiered);
  return {
    metadata: {
      provider: 'musicbrainz',
      externalIds: { musicbrainz: artist.id },
      title: artist.name,
      ...(year !== undefined ? { year } : {}),
      ...(premiered ? { premiered } : {}),
      genres: [],
      studios: [],
      countries: artist.country ? [artist.country] : [],
      tags: [],
      ratings: [],
      cast: [],
      crew: [],
      trailers: [],
      ...(lifeSpan?.ended ? { status: 'Ended' } : {}),
    },
    releaseGroups: artist['release-groups'].map(mapMusicBrainzReleaseGroup),
    links: artist.relations.flatMap((relation) => (relation.url ? [{ type: relation.type, url: relation.url.resource }] : [])),
  };
}

export function mapMusicBrainzReleaseGroup(group: MusicBrainzReleaseGroup): ProviderReleaseGroup {
  const firstReleaseDate = dateOrUndefined(group['first-release-date']);
  const year = yearOf(firstReleaseDate);
  const disambiguation = textOrUndefined(group.disambiguation);
  return {
    provider: 'musicbrainz',
    externalIds: { musicbrainz: group.id },
    title: group.title,
    ...(group['primary-type'] ? { primaryType: group['primary-type'] } : {}),
    secondaryTypes: group['secondary-types'],
    ...(firstReleaseDate ? { firstReleaseDate } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(disambiguation ? { disambiguation } : {}),
    artists: group['artist-credit'].map((credit) => ({ name: credit.name, musicbrainzId: credit.artist.id })),
  };
}
