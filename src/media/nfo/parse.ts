import { ChildElementReader } from './element-reader.js';
import { NfoParseError } from './errors.js';
import { findUrls, readProviderUrl } from './provider-urls.js';
import { readEpisode } from './read-episode.js';
import { readMovie } from './read-movie.js';
import { readSeason } from './read-season.js';
import { readTvShow } from './read-tv-show.js';
import { readXmlDocument } from './read-xml-document.js';
import { withoutCharactersNotAllowedInXml } from './xml-characters.js';
import type { NfoUniqueId, ParsedNfo, ProviderLink, ProviderLinkEntity, XmlElement } from './types.js';

type RootName = 'movie' | 'tvshow' | 'episodedetails' | 'season';

const ROOT_NAMES: readonly string[] = ['movie', 'tvshow', 'episodedetails', 'season'] satisfies RootName[];

/** Which URL ids may describe the title of each root: IMDb's (`unknown`) may describe any. */
const LINK_ENTITIES_BY_ROOT: Record<RootName, readonly ProviderLinkEntity[]> = {
  movie: ['movie', 'unknown'],
  tvshow: ['tvshow', 'unknown'],
  episodedetails: ['episode', 'unknown'],
  season: [],
};

/**
 * Reads a Kodi NFO file's text. `fileName` is used only in error messages. Throws NfoParseError, naming
 * the file and the reason, for text that is neither Kodi XML nor contains a URL, for malformed XML, for
 * an unknown root element and for a field with a value of the wrong type.
 */
export function parseNfo(xml: string, fileName: string): ParsedNfo {
  const text = normalizeText(xml);
  if (text.trim() === '') throw new NfoParseError(fileName, 'is empty');

  if (!text.trimStart().startsWith('<')) {
    // A URL-only NFO, or a scene release NFO whose ASCII art carries an IMDb link.
    const urls = findUrls(text);
    if (urls.length === 0) throw new NfoParseError(fileName, 'is neither Kodi NFO XML nor a provider URL');
    return { kind: 'url-only', uniqueIds: uniqueIdsFromLinks(urls.map(readProviderUrl)), urls };
  }

  const { roots, textOutsideRoots } = readXmlDocument(text, fileName);
  const urls = textOutsideRoots.flatMap((outside) => urlsOrFail(outside, roots, fileName));
  if (roots.length === 0) {
    if (urls.length === 0) throw new NfoParseError(fileName, 'has no root element');
    return { kind: 'url-only', uniqueIds: uniqueIdsFromLinks(urls.map(readProviderUrl)), urls };
  }

  const rootName = checkRootName(roots, fileName);
  const links = urls.map(readProviderUrl).filter((link) => LINK_ENTITIES_BY_ROOT[rootName].includes(link.entity));
  switch (rootName) {
    case 'movie': {
      const movie = readMovie(rootReader(roots[0], fileName, ''));
      return { kind: 'movie', movie: { ...movie, uniqueIds: withLinkIds(movie.uniqueIds, links) }, urls };
    }
    case 'tvshow': {
      const tvShow = readTvShow(rootReader(roots[0], fileName, ''));
      return { kind: 'tvshow', tvShow: { ...tvShow, uniqueIds: withLinkIds(tvShow.uniqueIds, links) }, urls };
    }
    case 'episodedetails': {
      const episodes = roots.map((root, index) =>
        readEpisode(rootReader(root, fileName, roots.length > 1 ? `<episodedetails> #${index + 1}: ` : '')),
      );
      // With several episodes in one file, a URL cannot say which of them it describes.
      if (episodes.length === 1 && episodes[0] !== undefined) {
        episodes[0] = { ...episodes[0], uniqueIds: withLinkIds(episodes[0].uniqueIds, links) };
      }
      return { kind: 'episodedetails', episodes, urls };
    }
    case 'season':
      return { kind: 'season', season: readSeason(rootReader(roots[0], fileName, '')), urls };
  }
}

/** The decoded file text without byte order mark, Windows line ends or characters XML forbids. */
function normalizeText(text: string): string {
  const withUnixLineEnds = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return withoutCharactersNotAllowedInXml(withUnixLineEnds);
}

/** Kodi allows a URL line beside the XML ("combination NFO"); any other stray text is an error. */
function urlsOrFail(outside: string, roots: readonly XmlElement[], fileName: string): string[] {
  const urls = findUrls(outside);
  const leftover = urls.reduce((rest, url) => rest.replace(url, ''), outside).trim();
  if (!/^[\s.,;:!?()[\]]*$/.test(leftover)) {
    const where = roots[0] === undefined ? 'outside any element' : `outside the <${roots[0].name}> element`;
    throw new NfoParseError(fileName, `unexpected text ${where}: ${JSON.stringify(leftover.slice(0, 60))}`);
  }
  return urls;
}

function checkRootName(roots: readonly XmlElement[], fileName: string): RootName {
  const names = [...new Set(roots.map((root) => root.name))];
  const [name] = names;
  if (names.length > 1) {
    const listed = names.map((root) => `<${root}>`).join(', ');
    throw new NfoParseError(fileName, `has several kinds of root element (${listed}); only <episodedetails> may repeat`);
  }
  if (name === undefined || !isRootName(name)) {
    throw new NfoParseError(fileName, `unknown root element <${name}>; expected <movie>, <tvshow>, <episodedetails> or <season>`);
  }
  if (name !== 'episodedetails' && roots.length > 1) {
    throw new NfoParseError(fileName, `has ${roots.length} <${name}> root elements; only <episodedetails> may repeat`);
  }
  return name;
}

function isRootName(name: string): name is RootName {
  return ROOT_NAMES.includes(name);
}

function rootReader(root: XmlElement | undefined, fileName: string, rootLabel: string): ChildElementReader {
  if (root === undefined) throw new NfoParseError(fileName, 'has no root element');
  return new ChildElementReader(root, { fileName, rootLabel, path: [] });
}

/** Ids from URLs, one per provider; the first is the default since nothing else names one. */
function uniqueIdsFromLinks(links: readonly ProviderLink[]): NfoUniqueId[] {
  return withLinkIds([], links);
}

/** Adds URL ids for providers the XML has no id for; the file's own ids win. */
function withLinkIds(uniqueIds: readonly NfoUniqueId[], links: readonly ProviderLink[]): NfoUniqueId[] {
  const merged = [...uniqueIds];
  for (const link of links) {
    if (link.uniqueId === undefined || merged.some((id) => id.type === link.uniqueId?.type)) continue;
    merged.push({ ...link.uniqueId, isDefault: merged.length === 0 });
  }
  return merged;
}
