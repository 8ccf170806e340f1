/**
 * Typed models of Kodi's video NFO files (`<movie>`, `<tvshow>`, `<episodedetails>`).
 *
 * Every model is plain JSON (strings, numbers, booleans, arrays, objects) so it can cross a Temporal
 * activity boundary or be stored as-is. Optional scalars are absent when the file has no value for them;
 * repeatable elements are always arrays, empty when the file has none.
 */

/** An XML element kept as read, so that elements we do not model are written back unchanged. */
export interface XmlElement {
  readonly name: string;
  /** In document order; values are decoded text. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Text children are trimmed and never empty; adjacent text (CDATA, text split by comments) is merged. */
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Known values are listed for completion; files may carry any provider name. Always lower-case. */
export type NfoUniqueIdType = 'tmdb' | 'imdb' | 'tvdb' | 'unknown' | (string & {});

export interface NfoUniqueId {
  type: NfoUniqueIdType;
  value: string;
  isDefault: boolean;
  /** Attributes other than `type` and `default`, kept as written. */
  attributes?: Record<string, string>;
}

export interface NfoRating {
  /** Rating source as Kodi names it (`imdb`, `themoviedb`, `trakt`, …); `default` for the legacy `<rating>`. */
  name: string;
  value: number;
  /**
   * The value as the file spelt it (`6.400000`, `7,5`), only when that differs from how the number is
   * written by default, so that an unchanged rating is written back byte for byte.
   */
  valueText?: string;
  votes?: number;
  /** Upper bound of the scale; Kodi assumes 10 when absent. */
  max?: number;
  isDefault: boolean;
  /** Attributes of `<rating>` other than `name`, `max` and `default`, kept as written. */
  attributes?: Record<string, string>;
  /** Attributes of `<value>` and `<votes>`, by child name, kept as written. */
  elementAttributes?: Record<string, Record<string, string>>;
}

export interface NfoActor {
  name: string;
  role?: string;
  /**
   * Jellyfin and Emby write every person as an `<actor>` with a `<type>`: `Actor`, `GuestStar`, `Director`,
   * `Writer`, `Producer`, `Composer`, … Absent in Kodi's own files, where every `<actor>` is cast.
   */
  type?: string;
  order?: number;
  /** URL or path of the actor's photo. */
  thumb?: string;
  /** Attributes of `<actor>`, kept as written. */
  attributes?: Record<string, string>;
  /** Children of `<actor>` not modelled here (tinyMediaManager's `<profile>`, `<tmdbid>`, `<imdbid>`), kept as written. */
  extra?: XmlElement[];
  /** Attributes of the modelled children (`<thumb aspect="…">`), by child name; absent when none has any. */
  elementAttributes?: Record<string, Record<string, string>>;
}

/**
 * Attributes a tool wrote on one value of a list element, so they are written back on the element holding
 * that value: tinyMediaManager's and Kodi's `<director tmdbid="578">`, Kodi's `<genre clear="true">`.
 */
export interface NfoValueAttributes {
  /** The element the value is written as: `genre`, `country`, `tag`, `studio`, `credits` (Jellyfin's `<writer>` too) or `director`. */
  element: string;
  value: string;
  attributes: Record<string, string>;
}

/** A `<thumb>` artwork reference: a URL or path with Kodi's artwork attributes. */
export interface NfoThumb {
  url: string;
  /** Artwork type: `poster`, `banner`, `clearlogo`, `landscape`, … */
  aspect?: string;
  /** `season` for season artwork on a TV show. */
  type?: string;
  /** Season number for season artwork; -1 means all seasons. */
  season?: number;
  preview?: string;
  /** Other attributes (Kodi's `spoof`, `cache`), kept as written. */
  attributes?: Record<string, string>;
}

export interface NfoSet {
  name: string;
  overview?: string;
  /** Attributes of `<set>` such as Jellyfin's `tmdbcolid`, kept as written. */
  attributes?: Record<string, string>;
  /** Attributes of `<name>` and `<overview>`, by child name; absent when neither has any. */
  elementAttributes?: Record<string, Record<string, string>>;
  /** Children of `<set>` other than `<name>` and `<overview>`, kept as written. */
  extra?: XmlElement[];
}

export interface NfoVideoStream {
  codec?: string;
  /** Display aspect ratio as a decimal (2.39, 1.778). */
  aspect?: number;
  width?: number;
  height?: number;
  durationInSeconds?: number;
  stereoMode?: string;
  /** `hdr10`, `dolbyvision`, `hlg`, …; absent for SDR. */
  hdrType?: string;
  /** Children the probe does not measure and we do not model (Radarr's `bitrate`, `framerate`, `scantype`), kept as written. */
  extra?: XmlElement[];
  /** Attributes of `<video>`, kept as written. */
  attributes?: Record<string, string>;
  /** Attributes of the children holding modelled values (`<codec lang="…">`), by child name, kept as written. */
  elementAttributes?: Record<string, Record<string, string>>;
}

export interface NfoAudioStream {
  codec?: string;
  language?: string;
  channels?: number;
  /** As for video streams (`bitrate`, `samplingrate`, …). */
  extra?: XmlElement[];
  /** Attributes of `<audio>`, kept as written. */
  attributes?: Record<string, string>;
  /** Attributes of the children holding modelled values (`<codec lang="…">`), by child name, kept as written. */
  elementAttributes?: Record<string, Record<string, string>>;
}

export interface NfoSubtitleStream {
  language?: string;
  /** As for video streams (`forced`, `title`, …). */
  extra?: XmlElement[];
  /** Attributes of `<subtitle>`, kept as written. */
  attributes?: Record<string, string>;
  /** Attributes of the children holding modelled values (`<codec lang="…">`), by child name, kept as written. */
  elementAttributes?: Record<string, Record<string, string>>;
}

/** `<fileinfo><streamdetails>`: what the media file contains, as Kodi's own probe would report it. */
export interface NfoFileInfo {
  video: NfoVideoStream[];
  audio: NfoAudioStream[];
  subtitles: NfoSubtitleStream[];
  /** Children of `<streamdetails>` other than the streams, kept as written. */
  extra?: XmlElement[];
  /** Attributes of `<streamdetails>`, kept as written. */
  streamDetailsAttributes?: Record<string, string>;
  /** Attributes of `<fileinfo>`, kept as written. */
  fileInfoAttributes?: Record<string, string>;
  /** Children of `<fileinfo>` other than `<streamdetails>`, kept as written. */
  fileInfoExtra?: XmlElement[];
}

export interface NfoNamedSeason {
  number: number;
  name: string;
  /** Attributes of `<namedseason>` other than `number`, kept as written. */
  attributes?: Record<string, string>;
}

/**
 * Fields every video NFO kind may carry. Kodi reads and writes all three kinds with one code path
 * (`CVideoInfoTag`), so a field that is unusual for a kind (a tagline on an episode) is still valid there.
 */
export interface NfoCommonFields {
  title?: string;
  originalTitle?: string;
  sortTitle?: string;
  ratings: NfoRating[];
  userRating?: number;
  /** `<userrating>` as the file spelt it (`0.0`), only when that differs from the number's own spelling. */
  userRatingText?: string;
  outline?: string;
  plot?: string;
  tagline?: string;
  /** Minutes. */
  runtime?: number;
  thumbs: NfoThumb[];
  mpaa?: string;
  uniqueIds: NfoUniqueId[];
  genres: string[];
  countries: string[];
  tags: string[];
  /** Writers. */
  credits: string[];
  directors: string[];
  /** Attributes of the list elements above (genres to directors), by value; absent when none has any. */
  valueAttributes?: NfoValueAttributes[];
  /**
   * Attributes of the root's single-valued elements (`<title lang="en">`, `<plot>`, `<season>`) and of
   * `<ratings>`, by element name; absent when none has any.
   */
  elementAttributes?: Record<string, Record<string, string>>;
  /** YYYY-MM-DD. */
  premiered?: string;
  year?: number;
  studios: string[];
  /** URL, path or Kodi plugin URL of the trailer. */
  trailer?: string;
  fileInfo?: NfoFileInfo;
  actors: NfoActor[];
  /** Top-level elements we do not model, in document order; written after the modelled ones. */
  extra: XmlElement[];
}

export interface MovieNfo extends NfoCommonFields {
  set?: NfoSet;
}

export interface TvShowNfo extends NfoCommonFields {
  /** `<season>` on a show: how many seasons it has. */
  seasonCount?: number;
  /** `<episode>` on a show: how many episodes it has. */
  episodeCount?: number;
  /** `Continuing`, `Ended`, … */
  status?: string;
  /**
   * Text form of `<episodeguide>`: Kodi 20+ writes a JSON object of ids, older scrapers a bare URL. The
   * legacy form with `<url>` children cannot be held as text and stays verbatim in `extra`.
   */
  episodeGuide?: string;
  namedSeasons: NfoNamedSeason[];
}

export interface EpisodeNfo extends NfoCommonFields {
  showTitle?: string;
  season?: number;
  episode?: number;
  /** Where a special sorts among regular seasons and episodes; Kodi writes -1 for unset. */
  displaySeason?: number;
  displayEpisode?: number;
  /** YYYY-MM-DD. */
  aired?: string;
}

/** `season.nfo`: what Kodi, Jellyfin and Emby write for one season, in the season's folder. */
export interface SeasonNfo {
  /** `<seasonnumber>`; 0 for specials. The folder's name tells it too. */
  seasonNumber?: number;
  title?: string;
  sortTitle?: string;
  plot?: string;
  outline?: string;
  /** YYYY-MM-DD. */
  premiered?: string;
  year?: number;
  thumbs: NfoThumb[];
  uniqueIds: NfoUniqueId[];
  extra: XmlElement[];
}

/**
 * What a provider URL in an NFO refers to. IMDb ids name movies, shows and episodes alike, so an IMDb
 * link's entity is `unknown`.
 */
export type ProviderLinkEntity = 'movie' | 'tvshow' | 'episode' | 'unknown';

export interface ProviderLink {
  url: string;
  entity: ProviderLinkEntity;
  /** Absent when the URL names the title without an id (a TVDB slug, a TMDB episode page). */
  uniqueId?: { type: NfoUniqueIdType; value: string };
}

/**
 * The result of reading an NFO file, by root element. `urls` lists provider URLs found outside the XML
 * (Kodi's "combination NFO"); ids from them that fit the root kind are merged into the model's uniqueIds.
 */
export type ParsedNfo =
  | { kind: 'movie'; movie: MovieNfo; urls: string[] }
  | { kind: 'tvshow'; tvShow: TvShowNfo; urls: string[] }
  | { kind: 'episodedetails'; episodes: EpisodeNfo[]; urls: string[] }
  | { kind: 'season'; season: SeasonNfo; urls: string[] }
  /** No XML, only text with URLs (a bare URL, or a scene release NFO with an IMDb link). */
  | { kind: 'url-only'; uniqueIds: NfoUniqueId[]; urls: string[] };

export type NfoKind = ParsedNfo['kind'];
