import type { Movie, Show, Episode, MediaFile, MediaStream, RatingValue } from '../../db/schema/index.js';
import type { EpisodeNfo, MovieNfo, NfoActor, NfoFileInfo, NfoThumb, NfoUniqueId, TvShowNfo, XmlElement } from '../../media/nfo/index.js';

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
    audio: streams.filter((s) => s.streamType === 'audio').map((s) => clean({ codec: s.codec ?? undefined, language: s.language ?? undefined, channels: s.channels ?? undefined })),
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

/** The movie NFO for a title as the database has it. */
export function movieNfoFromTitle(movie: Movie, input: CommonInput & { fileInfo?: NfoFileInfo; trailer?: string }): MovieNfo {
  return clean({
    ...commonFields(movie, input),
    set: movie.setName ? clean({ name: movie.setName, overview: movie.setOverview ?? undefined }) : undefined,
    trailer: input.trailer ?? movie.trailer ?? undefined,
    fileInfo: input.fileInfo,
  }) as MovieNfo;
}

export function tvShowNfoFromTitle(show: Show, input: CommonInput & { seasonNames: readonly { number: number; name: string }[] }): TvShowNfo {
  return clean({
    ...commonFields(show, input),
    status: show.status ?? undefined,
    namedSeasons: [...input.seasonNames],
  }) as TvShowNfo;
}

export function episodeNfoFromRow(episode: Episode, input: { showTitle: string; fileInfo?: NfoFileInfo }): EpisodeNfo {
  return clean({
    title: episode.title ?? undefined,
    showTitle: input.showTitle,
    season: episode.seasonNumber,
    episode: episode.episodeNumber,
    plot: episode.plot ?? undefined,
    runtime: episode.runtime ?? undefined,
    aired: episode.aired ?? undefined,
    uniqueIds: uniqueIdsOf(episode),
    ratings: ratingsOf(episode.ratings),
    directors: episode.directors,
    credits: episode.credits,
    fileInfo: input.fileInfo,
    thumbs: [],
    genres: [],
    countries: [],
    tags: [],
    studios: [],
    actors: [],
    extra: [],
  }) as EpisodeNfo;
}

function commonFields(title: Movie | Show, input: CommonInput) {
  return {
    title: title.title,
    originalTitle: title.originalTitle ?? undefined,
    sortTitle: title.sortTitle ?? undefined,
    ratings: ratingsOf(title.ratings),
    outline: title.outline ?? undefined,
    plot: title.plot ?? undefined,
    tagline: title.tagline ?? undefined,
    runtime: title.runtime ?? undefined,
    thumbs: [...input.thumbs],
    mpaa: title.mpaa ?? undefined,
    uniqueIds: uniqueIdsOf(title),
    genres: title.genres,
    countries: title.countries,
    tags: title.tags,
    credits: title.credits,
    directors: title.directors,
    premiered: title.premiered ?? undefined,
    year: title.year ?? undefined,
    studios: title.studios,
    actors: [...input.actors].sort((a, b) => a.sortOrder - b.sortOrder).map(actorOf),
    extra: [...input.extra],
  };
}

function actorOf(actor: ActorForNfo): NfoActor {
  return clean({ name: actor.name, role: actor.role ?? undefined, order: actor.sortOrder, thumb: actor.thumbUrl ?? undefined }) as NfoActor;
}

/** TMDB is the default id when there is one: it is what the providers are asked by first. */
function uniqueIdsOf(row: { tmdbId: number | null; imdbId: string | null; tvdbId: number | null }): NfoUniqueId[] {
  const ids: NfoUniqueId[] = [];
  if (row.tmdbId !== null) ids.push({ type: 'tmdb', value: String(row.tmdbId), isDefault: false });
  if (row.imdbId !== null) ids.push({ type: 'imdb', value: row.imdbId, isDefault: false });
  if (row.tvdbId !== null) ids.push({ type: 'tvdb', value: String(row.tvdbId), isDefault: false });
  if (ids[0]) ids[0].isDefault = true;
  return ids;
}

function ratingsOf(ratings: readonly RatingValue[]) {
  return ratings.map((r) => clean({ name: r.name, value: r.value, votes: r.votes, max: r.max, isDefault: r.isDefault }) as RatingValue & { isDefault: boolean });
}

/** The NFO models have absent optional fields, never undefined ones, so a written and re-read NFO compares equal. */
function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
