import type { QualityProfileRow, ReleaseCandidate } from '../db/schema/index.js';
import { parseReleaseName } from './release-name.js';
import { BLOCKLISTED } from '../contracts/request.js';

/** A search result as an indexer describes it, before the profile has judged it. */
export type FoundRelease = Pick<
  ReleaseCandidate,
  'title' | 'indexer' | 'guid' | 'downloadUrl' | 'magnetUrl' | 'infoHash' | 'sizeBytes' | 'seeders'
> & {
  /** Why the indexer's info hash cannot be used (not a hash, or not the magnet link's): the release is set aside. */
  infoHashProblem?: string;
  /** A person rejected it before (the blocklist): it is never accepted again. */
  blocklisted?: boolean;
};

export type QualityRules = Pick<
  QualityProfileRow,
  'minResolution' | 'preferredResolution' | 'minSizeMb' | 'maxSizeMb' | 'rejectedWords' | 'preferredWords'
>;

/** What is wanted: one episode, or a movie (season and episode absent). */
export interface WantedMedia {
  season?: number;
  episode?: number;
}

export interface QualityDecision {
  /** Acceptable releases, best first. */
  accepted: ReleaseCandidate[];
  /** The rest, with their reasons: the lower-quality alternatives a person may still want. */
  rejected: ReleaseCandidate[];
  /** Whether the best accepted release has the preferred resolution. */
  qualityMet: boolean;
}

const MB = 1024 * 1024;

/**
 * Judges every release against the profile: wrong episode, too low a resolution, outside the size bounds
 * (per episode: a season pack's size is shared by its episodes), a rejected word, no seeders. The accepted
 * ones are ordered by preferred resolution, preferred words, single episode over pack, then seeders.
 */
export function decideReleases(found: FoundRelease[], rules: QualityRules, wanted: WantedMedia, episodesInSeason = 1): QualityDecision {
  const judged = found.map((release) => judge(release, rules, wanted, episodesInSeason));
  const accepted = judged.filter((c) => c.accepted).sort((a, b) => b.score - a.score || b.seeders - a.seeders);
  const rejected = judged.filter((c) => !c.accepted).sort((a, b) => b.score - a.score);
  const best = accepted[0];
  return { accepted, rejected, qualityMet: best !== undefined && meetsPreferredQuality(best, rules) };
}

/** Whether a release has the profile's preferred resolution (or better): the cutoff an upgrade looks for. */
export function meetsPreferredQuality(
  release: Pick<ReleaseCandidate, 'resolution'>,
  rules: Pick<QualityRules, 'preferredResolution'>,
): boolean {
  return (release.resolution ?? 0) >= rules.preferredResolution;
}

function judge(found: FoundRelease, rules: QualityRules, wanted: WantedMedia, episodesInSeason: number): ReleaseCandidate {
  const { infoHashProblem, blocklisted, ...release } = found;
  const parsed = parseReleaseName(release.title);
  const rejections: string[] = [];
  if (blocklisted) rejections.push(BLOCKLISTED);
  if (infoHashProblem) rejections.push(infoHashProblem);
  if (wanted.season !== undefined) {
    if (parsed.season !== wanted.season) rejections.push(`season ${parsed.season ?? 'unknown'}, not ${wanted.season}`);
    else if (!parsed.seasonPack && !parsed.episodes.includes(wanted.episode!))
      rejections.push(`episode ${parsed.episodes.join('+') || 'unknown'}, not ${wanted.episode}`);
  }
  if (parsed.resolution === undefined) rejections.push('resolution unknown');
  else if (parsed.resolution < rules.minResolution) rejections.push(`${parsed.resolution}p is below ${rules.minResolution}p`);
  const perEpisodeMb = release.sizeBytes / MB / (parsed.seasonPack ? Math.max(1, episodesInSeason) : Math.max(1, parsed.episodes.length));
  if (perEpisodeMb < rules.minSizeMb) rejections.push(`${perEpisodeMb.toFixed(0)} MB per item is below ${rules.minSizeMb} MB`);
  if (perEpisodeMb > rules.maxSizeMb) rejections.push(`${perEpisodeMb.toFixed(0)} MB per item is above ${rules.maxSizeMb} MB`);
  const lowerTitle = release.title.toLowerCase();
  for (const word of rules.rejectedWords) if (containsWord(lowerTitle, word)) rejections.push(`rejected word "${word}"`);
  if (release.seeders <= 0) rejections.push('no seeders');

  let score = 0;
  if (parsed.resolution !== undefined)
    score += parsed.resolution === rules.preferredResolution ? 1000 : Math.min(parsed.resolution, rules.preferredResolution) / 10;
  for (const word of rules.preferredWords) if (containsWord(lowerTitle, word)) score += 50;
  if (!parsed.seasonPack) score += 10;

  return {
    ...release,
    resolution: parsed.resolution,
    seasonPack: parsed.seasonPack,
    score,
    accepted: rejections.length === 0,
    rejections,
  };
}

function containsWord(lowerTitle: string, word: string): boolean {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`).test(lowerTitle);
}
