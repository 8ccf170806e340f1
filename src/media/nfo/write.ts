import type { EpisodeNfo, MovieNfo, TvShowNfo } from './types.js';
import { writeVideoTag } from './write-video-tag.js';
import { XmlLinesWriter } from './xml-lines-writer.js';

/** A Kodi `movie.nfo` / `<video file name>.nfo`. Same model in, same bytes out. */
export function writeMovieNfo(movie: MovieNfo): string {
  const writer = new XmlLinesWriter();
  writeVideoTag(writer, 'movie', movie);
  return writer.toString();
}

/** A Kodi `tvshow.nfo`. */
export function writeTvShowNfo(tvShow: TvShowNfo): string {
  const { seasonCount, episodeCount, ...fields } = tvShow;
  const writer = new XmlLinesWriter();
  writeVideoTag(writer, 'tvshow', { ...fields, season: seasonCount, episode: episodeCount });
  return writer.toString();
}

/**
 * An episode NFO. A file holding several episodes (one video file, several episodes) has one
 * `<episodedetails>` root per episode, in the order given, as Kodi reads them.
 */
export function writeEpisodeNfo(episodes: readonly EpisodeNfo[]): string {
  if (episodes.length === 0) throw new RangeError('an episode NFO needs at least one episode');
  const writer = new XmlLinesWriter();
  for (const episode of episodes) writeVideoTag(writer, 'episodedetails', episode);
  return writer.toString();
}
