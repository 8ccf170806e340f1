import type { EpisodeNfo } from './types.js';

/**
 * The `<episodedetails>` block of a (multi-episode) NFO that describes one episode: the block with its
 * `<season>` and `<episode>`, else one with that `<episode>` and no season. Only a block that names no
 * episode at all is taken by its position, since tools write blocks in any order (E02 before E01).
 */
export function findEpisodeBlock(blocks: readonly EpisodeNfo[], season: number, episode: number, position: number): EpisodeNfo | undefined {
  const exact = blocks.find((block) => block.season === season && block.episode === episode);
  if (exact !== undefined) return exact;
  const withoutSeason = blocks.find((block) => block.season === undefined && block.episode === episode);
  if (withoutSeason !== undefined) return withoutSeason;
  const byPosition = blocks[position];
  return byPosition !== undefined && byPosition.episode === undefined ? byPosition : undefined;
}
