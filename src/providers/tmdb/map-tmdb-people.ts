import type { ProviderCastMember, ProviderCrewMember, ProviderTrailer } from '../types.js';
import { optionalTmdbImageUrl } from './tmdb-image-url.js';
import type { TmdbCredits, TmdbVideos } from './tmdb-schemas.js';

export function mapTmdbCast(credits: TmdbCredits | null | undefined, secureBaseUrl: string): ProviderCastMember[] {
  if (!credits) return [];
  return credits.cast.map((member, index) => {
    const thumbUrl = optionalTmdbImageUrl(secureBaseUrl, member.profile_path);
    return {
      name: member.name,
      ...(member.character ? { role: member.character } : {}),
      // TMDB's billing order; its list is already in that order, so the index is a faithful fallback.
      order: member.order ?? index,
      ...(thumbUrl ? { thumbUrl } : {}),
    };
  });
}

export function mapTmdbCrew(credits: TmdbCredits | null | undefined): ProviderCrewMember[] {
  if (!credits) return [];
  return credits.crew.map((member) => ({ name: member.name, job: member.job, department: member.department }));
}

// Watch URLs for the hosts TMDB links to; a video on any other host has no URL we could publish.
const WATCH_URL: Record<string, (key: string) => string> = {
  YouTube: (key) => `https://www.youtube.com/watch?v=${encodeURIComponent(key)}`,
  Vimeo: (key) => `https://vimeo.com/${encodeURIComponent(key)}`,
};

/** Trailers only: TMDB's videos also hold teasers, clips and featurettes, which are not what NFO means. */
export function mapTmdbTrailers(videos: TmdbVideos | null | undefined): ProviderTrailer[] {
  if (!videos) return [];
  return videos.results.flatMap((video) => {
    const watchUrl = WATCH_URL[video.site];
    if (video.type !== 'Trailer' || !watchUrl) return [];
    return [{ site: video.site, key: video.key, name: video.name, url: watchUrl(video.key) }];
  });
}
