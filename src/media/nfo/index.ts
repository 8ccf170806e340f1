export { NfoParseError } from './errors.js';
export { findEpisodeBlock } from './episode-blocks.js';
export { parseNfo } from './parse.js';
export { isCast } from './read-people-and-artwork.js';
export { nfoArtworkUrls, type NfoArtworkUrl } from './artwork-urls.js';
export { findUrls, readProviderUrl } from './provider-urls.js';
export { writeEpisodeNfo, writeMovieNfo, writeTvShowNfo } from './write.js';
export type {
  EpisodeNfo,
  MovieNfo,
  NfoActor,
  NfoAudioStream,
  NfoCommonFields,
  NfoFileInfo,
  NfoKind,
  NfoNamedSeason,
  NfoRating,
  NfoSet,
  NfoSubtitleStream,
  NfoThumb,
  NfoUniqueId,
  NfoUniqueIdType,
  NfoValueAttributes,
  NfoVideoStream,
  ParsedNfo,
  ProviderLink,
  ProviderLinkEntity,
  SeasonNfo,
  TvShowNfo,
  XmlElement,
  XmlNode,
} from './types.js';
