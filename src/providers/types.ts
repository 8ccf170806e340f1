// Normalised shapes every metadata provider client returns. Downstream code (the cache manager, NFO writer,
// artwork scoring) reads only these, never a provider's wire format.
import type { ProviderAssetType } from '../contracts/artwork-types.js';
import type { ExternalIds } from '../contracts/external-ids.js';

/** Provider ids as stored in `provider_assets.provider` and used as registry keys. */
export type ProviderId = 'tmdb' | 'tvdb' | 'fanart_tv' | 'musicbrainz';

/** Season number Kodi uses for artwork that applies to every season ("season-all"). */
export const ALL_SEASONS = -1;

export interface ProviderImage {
  provider: ProviderId;
  assetType: ProviderAssetType;
  url: string;
  width?: number;
  height?: number;
  /** ISO 639-1 code, or null for artwork without text. */
  language: string | null;
  voteAverage?: number;
  voteCount?: number;
  /** Only for season-scoped asset types; `ALL_SEASONS` for artwork meant for every season. */
  season?: number;
}

export interface ProviderRating {
  /** Kodi's rating names: themoviedb, imdb, tvdb, ... */
  name: string;
  value: number;
  votes: number;
}

export interface ProviderCastMember {
  name: string;
  role?: string;
  order: number;
  thumbUrl?: string;
}

export interface ProviderCrewMember {
  name: string;
  job: string;
  department: string;
}

export interface ProviderTrailer {
  /** The hosting site as the provider names it, e.g. "YouTube". */
  site: string;
  key: string;
  name: string;
  url: string;
}

export interface ProviderMetadata {
  provider: ProviderId;
  externalIds: ExternalIds;
  title: string;
  originalTitle?: string;
  year?: number;
  /** ISO date (YYYY-MM-DD), or only the year/month part when the provider knows no more. */
  premiered?: string;
  plot?: string;
  tagline?: string;
  /** Minutes. */
  runtime?: number;
  genres: string[];
  studios: string[];
  countries: string[];
  tags: string[];
  certification?: string;
  collection?: { id: number; name: string };
  ratings: ProviderRating[];
  cast: ProviderCastMember[];
  crew: ProviderCrewMember[];
  trailers: ProviderTrailer[];
  status?: string;
}

export interface ProviderSearchResult {
  provider: ProviderId;
  externalIds: ExternalIds;
  title: string;
  originalTitle?: string;
  year?: number;
  overview?: string;
  posterUrl?: string;
  /** 0..100, from title similarity and year agreement; results are returned best first. */
  confidence: number;
}

/** Metadata plus the artwork that came with it in the same response. */
export interface ProviderDetails {
  metadata: ProviderMetadata;
  images: ProviderImage[];
}

export interface ProviderSeasonSummary {
  seasonNumber: number;
  /** The provider's own season id, where it has one (TVDB needs it to fetch the season). */
  providerSeasonId?: number;
  name?: string;
  airDate?: string;
  episodeCount?: number;
}

export interface ProviderShowDetails extends ProviderDetails {
  seasons: ProviderSeasonSummary[];
}

export interface ProviderEpisode {
  provider: ProviderId;
  externalIds: ExternalIds;
  seasonNumber: number;
  episodeNumber: number;
  absoluteNumber?: number;
  title: string;
  /** ISO date (YYYY-MM-DD). */
  airDate?: string;
  plot?: string;
  runtime?: number;
  thumbUrl?: string;
}

export interface ProviderSeason {
  provider: ProviderId;
  externalIds: ExternalIds;
  seasonNumber: number;
  name?: string;
  airDate?: string;
  plot?: string;
  episodes: ProviderEpisode[];
  images: ProviderImage[];
}

export interface ProviderReleaseGroup {
  provider: ProviderId;
  externalIds: ExternalIds;
  title: string;
  /** MusicBrainz's primary type: Album, Single, EP, Broadcast, Other. */
  primaryType?: string;
  secondaryTypes: string[];
  firstReleaseDate?: string;
  year?: number;
  disambiguation?: string;
  artists: { name: string; musicbrainzId: string }[];
}

export interface ProviderLink {
  /** The relationship type as the provider names it, e.g. "official homepage", "wikidata". */
  type: string;
  url: string;
}

export interface ProviderArtistDetails {
  metadata: ProviderMetadata;
  releaseGroups: ProviderReleaseGroup[];
  links: ProviderLink[];
}
