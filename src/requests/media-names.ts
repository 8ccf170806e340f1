/** Kodi's and Plex's naming: `Show/Season 01/Show - S01E02 - Title.mkv`, `Movie (Year)/Movie (Year).mkv`. */

export interface EpisodeNaming {
  kind: 'episode';
  show: string;
  season: number;
  episode: number;
  episodeTitle?: string | null;
}

export interface MovieNaming {
  kind: 'movie';
  title: string;
  year?: number | null;
}

export interface NamedPath {
  /** The title's folder relative to the target: what the library pipeline is asked to refresh. */
  titleFolder: string;
  /** The file relative to the target. */
  file: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Characters no file system in a home library accepts, and trailing dots/spaces Windows shares drop. */
export function safeName(name: string): string {
  return (
    name
      .replace(/[<>:"/\\|?*]/g, '')
      // Control characters (below U+0020), which no file name should carry.
      .replace(/./gsu, (ch) => (ch.charCodeAt(0) < 0x20 ? '' : ch))
      .replace(/\s+/g, ' ')
      .replace(/[. ]+$/, '')
      .trim()
  );
}

export function libraryPathFor(media: EpisodeNaming | MovieNaming, extension: string): NamedPath {
  const ext = extension.startsWith('.') ? extension : `.${extension}`;
  if (media.kind === 'movie') {
    const name = safeName(media.year ? `${media.title} (${media.year})` : media.title);
    return { titleFolder: name, file: `${name}/${name}${ext}` };
  }
  const show = safeName(media.show);
  const code = `S${pad(media.season)}E${pad(media.episode)}`;
  const title = media.episodeTitle ? safeName(media.episodeTitle) : '';
  const file = title ? `${show} - ${code} - ${title}${ext}` : `${show} - ${code}${ext}`;
  return { titleFolder: show, file: `${show}/Season ${pad(media.season)}/${file}` };
}
