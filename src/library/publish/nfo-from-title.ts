import type { Movie, Show, Episode, MediaFile, MediaStream, RatingValue } from '../../db/schema/index.js';
import type {
  EpisodeNfo,
  MovieNfo,
  NfoActor,
  NfoCommonFields,
  NfoFileInfo,
  NfoNamedSeason,
  NfoRating,
  NfoSet,
  NfoThumb,
  NfoUniqueId,
  TvShowNfo,
  XmlElement,
} from '../../media/nfo/index.js';
import { isCast } from '../../media/nfo/index.js';

/**
 * NFO models from database rows. The database holds what we model; the NFO on disk (when it could be
 * read) holds the rest, so each model starts from what the file says and a modelled field is replaced only
 * when the database says something else: a value nobody changed is written back exactly as it was read,
 * and elements, ids, ratings and people we do not model stay.
 */

export interface ActorForNfo {
  name: string;
  role: string | null;
  sortOrder: number;
  thumbUrl: string | null;
}

export interface TrailerForNfo {
  site: string;
  key: string;
  url: string;
}

/** What an NFO says about one video file, from the streams the scan probed. */
export function fileInfoFromStreams(file: Pick<MediaFile, 'durationSeconds'>, streams: readonly MediaStream[]): NfoFileInfo {
  const duration = file.durationSeconds === null ? undefined : Math.round(file.durationSeconds);
  return {
    video: streams
      .filter((s) => s.streamType === 'video')
      .map((s) =>
        clean({
          codec: s.codec ?? undefined,
          aspect: s.width && s.height ? Math.round((s.width / s.height) * 1000) / 1000 : undefined,
          width: s.width ?? undefined,
          height: s.height ?? undefined,
          durationInSeconds: duration,
          hdrType: s.hdr ?? undefined,
        }),
      ),
    audio: streams
      .filter((s) => s.streamType === 'audio')
      .map((s) => clean({ codec: s.codec ?? undefined, language: s.language ?? undefined, channels: s.channels ?? undefined })),
    subtitles: streams.filter((s) => s.streamType === 'subtitle').map((s) => clean({ language: s.language ?? undefined })),
  };
}

/** Kodi plays a YouTube trailer through its add-on; other sites keep their page URL. */
export function trailerUrl(trailer: TrailerForNfo): string {
  return trailer.site.toLowerCase() === 'youtube' ? `plugin://plugin.video.youtube/play/?video_id=${trailer.key}` : trailer.url;
}

interface CommonInput {
  actors: readonly ActorForNfo[];
  thumbs: readonly NfoThumb[];
  /** Elements of the NFO on disk (or stored from the last scan) that we do not model; written back as they were. */
  extra: readonly XmlElement[];
}

/** The movie NFO for a title as the database has it, over the NFO on disk when there is one. */
export function movieNfoFromTitle(
  movie: Movie,
  input: CommonInput & { fileInfo?: NfoFileInfo; trailer?: string; existing?: MovieNfo },
): MovieNfo {
  const { existing } = input;
  return clean({
    ...existing,
    ...commonFields(movie, input, existing),
    set: setOf(movie, existing?.set),
    trailer: input.trailer ?? movie.trailer ?? undefined,
    fileInfo: mergeFileInfo(existing?.fileInfo, input.fileInfo),
  }) as MovieNfo;
}

export function tvShowNfoFromTitle(
  show: Show,
  input: CommonInput & { seasonNames: readonly { number: number; name: string }[]; existing?: TvShowNfo },
): TvShowNfo {
  const { existing } = input;
  return clean({
    ...existing,
    ...commonFields(show, input, existing),
    status: show.status ?? undefined,
    namedSeasons: namedSeasonsOf(input.seasonNames, existing?.namedSeasons ?? []),
  }) as TvShowNfo;
}

/** The season names the database has, each with the attributes the file had on that season's `<namedseason>`. */
function namedSeasonsOf(names: readonly { number: number; name: string }[], existing: readonly NfoNamedSeason[]): NfoNamedSeason[] {
  return names.map(
    ({ number, name }) =>
      clean({ number, name, attributes: existing.find((season) => season.number === number)?.attributes }) as NfoNamedSeason,
  );
}

/**
 * One `<episodedetails>` block: the block the file already has for this episode (matched by number, see
 * findEpisodeBlock), with what the episode's row models laid over it. Actors, genres, thumbs, the
 * episode's own ids of other providers, `<episodenumberend>`, airs-before/after, play state and anything
 * else the row does not hold are the block's.
 */
export function episodeNfoFromRow(
  episode: Episode,
  input: { showTitle: string; fileInfo?: NfoFileInfo; existing?: EpisodeNfo },
): EpisodeNfo {
  const existing = input.existing;
  // The row's `aired` falls back to the block's <premiered>: a block with only <premiered> keeps its form.
  const airedUnchanged = existing !== undefined && (existing.aired ?? existing.premiered) === (episode.aired ?? undefined);
  return clean({
    thumbs: [],
    genres: [],
    countries: [],
    tags: [],
    studios: [],
    actors: [],
    extra: [],
    ...existing,
    // A title the scan took from <originaltitle> is not written again as <title>.
    title:
      existing !== undefined && existing.title === undefined && existing.originalTitle === episode.title
        ? undefined
        : (episode.title ?? existing?.title),
    showTitle:
      existing === undefined || (existing.showTitle !== undefined && existing.showTitle !== input.showTitle)
        ? input.showTitle
        : existing.showTitle,
    season: episode.seasonNumber,
    episode: episode.episodeNumber,
    plot: episode.plot ?? existing?.plot,
    runtime: episode.runtime ?? existing?.runtime,
    aired: airedUnchanged ? existing.aired : (episode.aired ?? undefined),
    uniqueIds: mergeUniqueIds(existing?.uniqueIds ?? [], episode),
    ratings: mergeRatings(existing?.ratings ?? [], episode.ratings),
    directors: episode.directors.length > 0 ? episode.directors : (existing?.directors ?? []),
    credits: episode.credits.length > 0 ? episode.credits : (existing?.credits ?? []),
    fileInfo: mergeFileInfo(existing?.fileInfo, input.fileInfo),
  }) as EpisodeNfo;
}

function commonFields(title: Movie | Show, input: CommonInput, existing: NfoCommonFields | undefined) {
  return {
    title: title.title,
    originalTitle: title.originalTitle ?? undefined,
    sortTitle: title.sortTitle ?? undefined,
    ratings: mergeRatings(existing?.ratings ?? [], title.ratings),
    outline: title.outline ?? undefined,
    plot: title.plot ?? undefined,
    tagline: title.tagline ?? undefined,
    runtime: title.runtime ?? undefined,
    thumbs: [...input.thumbs],
    mpaa: title.mpaa ?? undefined,
    uniqueIds: mergeUniqueIds(existing?.uniqueIds ?? [], title),
    genres: title.genres,
    countries: title.countries,
    tags: title.tags,
    credits: title.credits,
    directors: title.directors,
    premiered: title.premiered ?? undefined,
    year: title.year ?? undefined,
    studios: title.studios,
    actors: actorsOf(input.actors, existing?.actors ?? []),
    extra: [...input.extra],
  };
}

/**
 * The cast as the database has it, each with the `<type>` the file gave that person, then the people the
 * file lists who are not cast (Jellyfin's directors, writers, producers as `<actor>` with a `<type>`),
 * which the database does not hold.
 */
function actorsOf(cast: readonly ActorForNfo[], existing: readonly NfoActor[]): NfoActor[] {
  const fileCast = existing.filter(isCast);
  const actors = [...cast]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((actor) => {
      const index = fileCast.findIndex((known) => known.name.toLowerCase() === actor.name.toLowerCase());
      const before = fileCast[index];
      // The scan numbers an actor without <order> by position; that number is not written into a file that had none.
      const order = before !== undefined && before.order === undefined && index === actor.sortOrder ? undefined : actor.sortOrder;
      // What the file says of the person beyond what we store (tinyMediaManager's <profile>, <tmdbid>) stays.
      return clean({
        name: actor.name,
        role: actor.role ?? undefined,
        type: before?.type,
        order,
        thumb: actor.thumbUrl ?? undefined,
        attributes: before?.attributes,
        extra: before?.extra,
        elementAttributes: before?.elementAttributes,
      }) as NfoActor;
    });
  return [...actors, ...existing.filter((actor) => !isCast(actor))];
}

/**
 * The set the database names, with the file's attributes (`tmdbcolid`), those of its `<name>` and
 * `<overview>`, and its other children while it is the same set.
 */
function setOf(movie: Movie, existing: NfoSet | undefined): NfoSet | undefined {
  if (!movie.setName) return undefined;
  const same = existing?.name === movie.setName ? existing : undefined;
  return clean({
    name: movie.setName,
    overview: movie.setOverview ?? undefined,
    attributes: same?.attributes,
    elementAttributes: same?.elementAttributes,
    extra: same?.extra,
  });
}

/**
 * The file's uniqueids with the database's TMDB, IMDb and TVDB ids laid over them: a changed id replaces
 * the file's, a new one is added, and every other type (`tmdbcol`, `sonarr`, `trakt`, …) stays. The
 * default stays where the file put it; with no file ids, the first of TMDB, IMDb, TVDB is the default,
 * since it is what the providers are asked by first.
 */
function mergeUniqueIds(
  existing: readonly NfoUniqueId[],
  row: { tmdbId: number | null; imdbId: string | null; tvdbId: number | null },
): NfoUniqueId[] {
  const modelled: [string, string | null][] = [
    ['tmdb', row.tmdbId === null ? null : String(row.tmdbId)],
    ['imdb', row.imdbId],
    ['tvdb', row.tvdbId === null ? null : String(row.tvdbId)],
  ];
  const ids = existing.map((id) => ({ ...id }));
  for (const [type, value] of modelled) {
    if (value === null) continue;
    const present = ids.find((id) => id.type === type);
    if (present) present.value = value;
    else ids.push({ type, value, isDefault: false });
  }
  // A file that names no default keeps naming none (Jellyfin writes uniqueids that way).
  if (existing.length === 0 && !ids.some((id) => id.isDefault)) {
    const preferred = modelled.map(([type]) => ids.find((id) => id.type === type)).find((id) => id !== undefined) ?? ids[0];
    if (preferred) preferred.isDefault = true;
  }
  return ids;
}

/**
 * The database's ratings, by name, each written as the file spelt it while its value is unchanged; ratings
 * the file has under other names stay.
 */
function mergeRatings(existing: readonly NfoRating[], ratings: readonly RatingValue[]): NfoRating[] {
  const fromRows = ratings.map((rating) => {
    const before = existing.find((r) => r.name === rating.name);
    const valueText = rating.valueText ?? (before?.value === rating.value ? before.valueText : undefined);
    // The file's other attributes of that rating (a tool's own `source=`) stay on it.
    return clean({
      name: rating.name,
      value: rating.value,
      valueText,
      votes: rating.votes,
      max: rating.max,
      isDefault: rating.isDefault,
      attributes: before?.attributes,
      elementAttributes: before?.elementAttributes,
    }) as NfoRating;
  });
  return [...fromRows, ...existing.filter((rating) => !ratings.some((r) => r.name === rating.name))];
}

/**
 * The probe's streams, each over the file's stream at the same position: the probe wins for what it
 * measured, and what it does not measure stays (a 3D `stereomode`, Radarr's `bitrate` and `framerate`, the
 * streams' attributes, other children and attributes of `<streamdetails>` and `<fileinfo>`). A stream the
 * probe did not find is gone. Without a probe, the file's streams stay as they are.
 */
function mergeFileInfo(existing: NfoFileInfo | undefined, probed: NfoFileInfo | undefined): NfoFileInfo | undefined {
  if (probed === undefined) return existing;
  if (existing === undefined) return probed;
  const merge = <T extends object>(before: readonly T[], now: readonly T[]): T[] =>
    now.map((stream, index) => ({ ...before[index], ...stream }));
  return clean({
    video: merge(existing.video, probed.video),
    audio: merge(existing.audio, probed.audio),
    subtitles: merge(existing.subtitles, probed.subtitles),
    extra: existing.extra,
    streamDetailsAttributes: existing.streamDetailsAttributes,
    fileInfoAttributes: existing.fileInfoAttributes,
    fileInfoExtra: existing.fileInfoExtra,
  });
}

/** The NFO models have absent optional fields, never undefined ones, so a written and re-read NFO compares equal. */
function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
