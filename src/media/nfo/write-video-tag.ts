import type { NfoCommonFields, NfoFileInfo, NfoNamedSeason, NfoValueAttributes, NfoRating, NfoSet, XmlElement } from './types.js';
import { toDecimal } from './field-values.js';
import type { Attributes, XmlLinesWriter } from './xml-lines-writer.js';

/**
 * Everything Kodi's `CVideoInfoTag::Save` writes for any video kind. Each public writer maps its model
 * onto this (a show's `seasonCount` is Kodi's `<season>`), so the element order lives in one place.
 */
export interface VideoTagFields extends NfoCommonFields {
  showTitle?: string;
  season?: number;
  episode?: number;
  displaySeason?: number;
  displayEpisode?: number;
  episodeGuide?: string;
  set?: NfoSet;
  status?: string;
  aired?: string;
  namedSeasons?: readonly NfoNamedSeason[];
}

/** Writes one root element's children in the order Kodi itself writes them, then the kept extras. */
export function writeVideoTag(writer: XmlLinesWriter, rootName: string, fields: VideoTagFields): void {
  // The root's single-valued elements carry the attributes the file had on them (`<title lang="en">`).
  const leaf = (name: string, value: string | number | undefined) => writer.leaf(name, value, fields.elementAttributes?.[name]);
  writer.block(rootName, {}, () => {
    leaf('title', fields.title);
    leaf('originaltitle', fields.originalTitle);
    leaf('showtitle', fields.showTitle);
    leaf('sorttitle', fields.sortTitle);
    writeRatings(writer, fields.ratings, fields.elementAttributes?.['ratings']);
    leaf('userrating', spelt(fields.userRating, fields.userRatingText));
    leaf('season', fields.season);
    leaf('episode', fields.episode);
    leaf('displayseason', fields.displaySeason);
    leaf('displayepisode', fields.displayEpisode);
    leaf('outline', fields.outline);
    leaf('plot', fields.plot);
    leaf('tagline', fields.tagline);
    leaf('runtime', fields.runtime);
    for (const thumb of fields.thumbs) {
      const { url, aspect, type, season, preview, attributes } = thumb;
      // Kodi writes `spoof` and `cache` before `aspect`; other tools' attributes go there too.
      writer.leaf('thumb', url, { ...attributes, aspect, type, season, preview });
    }
    leaf('mpaa', fields.mpaa);
    leaf('episodeguide', fields.episodeGuide);
    for (const { type, value, isDefault, attributes } of fields.uniqueIds) {
      writer.leaf('uniqueid', value, { type, default: isDefault ? 'true' : undefined, ...attributes });
    }
    writeList(writer, 'genre', fields.genres, fields.valueAttributes);
    writeList(writer, 'country', fields.countries, fields.valueAttributes);
    if (fields.set !== undefined) {
      const { name, overview, attributes = {}, elementAttributes, extra } = fields.set;
      writer.block('set', attributes, () => {
        writer.leaf('name', name, elementAttributes?.['name']);
        writer.leaf('overview', overview, elementAttributes?.['overview']);
        writeElements(writer, extra);
      });
    }
    writeList(writer, 'tag', fields.tags, fields.valueAttributes);
    writeList(writer, 'credits', fields.credits, fields.valueAttributes);
    writeList(writer, 'director', fields.directors, fields.valueAttributes);
    leaf('premiered', fields.premiered);
    leaf('year', fields.year);
    leaf('status', fields.status);
    leaf('aired', fields.aired);
    writeList(writer, 'studio', fields.studios, fields.valueAttributes);
    leaf('trailer', fields.trailer);
    if (fields.fileInfo !== undefined) writeFileInfo(writer, fields.fileInfo);
    for (const { name, role, type, order, thumb, attributes, extra, elementAttributes } of fields.actors) {
      writer.block('actor', attributes ?? {}, () => {
        writer.leaf('name', name, elementAttributes?.['name']);
        writer.leaf('role', role, elementAttributes?.['role']);
        writer.leaf('type', type, elementAttributes?.['type']);
        writer.leaf('order', order, elementAttributes?.['order']);
        writer.leaf('thumb', thumb, elementAttributes?.['thumb']);
        writeElements(writer, extra);
      });
    }
    for (const { number, name, attributes } of fields.namedSeasons ?? []) writer.leaf('namedseason', name, { number, ...attributes });
    for (const element of fields.extra) writer.element(element);
  });
}

/** One element per value, with the attributes the file had on the element holding that value. */
function writeList(writer: XmlLinesWriter, name: string, values: readonly string[], attributes: readonly NfoValueAttributes[] = []): void {
  for (const value of values)
    writer.leaf(name, value, attributes.find((known) => known.element === name && known.value === value)?.attributes);
}

function writeElements(writer: XmlLinesWriter, elements: readonly XmlElement[] | undefined): void {
  for (const element of elements ?? []) writer.element(element);
}

function writeRatings(writer: XmlLinesWriter, ratings: readonly NfoRating[], ratingsAttributes: Attributes = {}): void {
  if (ratings.length === 0) return;
  writer.block('ratings', ratingsAttributes, () => {
    for (const { name, value, valueText, votes, max, isDefault, attributes, elementAttributes: on } of ratings) {
      writer.block('rating', { name, max, default: isDefault ? 'true' : undefined, ...attributes }, () => {
        writer.leaf('value', spelt(value, valueText), on?.value);
        writer.leaf('votes', votes, on?.votes);
      });
    }
  });
}

/** The file's spelling of a number (`6.400000`) while it still says this value, else the number. */
function spelt(value: number | undefined, text: string | undefined): string | number | undefined {
  return value !== undefined && text !== undefined && sameNumber(text, value) ? text : value;
}

/** Whether a kept spelling still says this value (the model may have been changed after reading). */
function sameNumber(text: string, value: number): boolean {
  const conversion = toDecimal(text);
  return conversion.ok && conversion.value === value;
}

function writeFileInfo(writer: XmlLinesWriter, fileInfo: NfoFileInfo): void {
  const { video, audio, subtitles, extra, streamDetailsAttributes, fileInfoAttributes, fileInfoExtra } = fileInfo;
  const hasStreamDetails =
    video.length + audio.length + subtitles.length > 0 || extra !== undefined || streamDetailsAttributes !== undefined;
  if (!hasStreamDetails && fileInfoAttributes === undefined && fileInfoExtra === undefined) return;
  writer.block('fileinfo', fileInfoAttributes ?? {}, () => {
    if (hasStreamDetails) writeStreamDetails(writer, fileInfo);
    writeElements(writer, fileInfoExtra);
  });
}

function writeStreamDetails(writer: XmlLinesWriter, fileInfo: NfoFileInfo): void {
  writer.block('streamdetails', fileInfo.streamDetailsAttributes ?? {}, () => {
    for (const video of fileInfo.video) {
      const on = video.elementAttributes;
      writer.block('video', video.attributes ?? {}, () => {
        writer.leaf('codec', video.codec, on?.codec);
        writer.leaf('aspect', video.aspect, on?.aspect);
        writer.leaf('width', video.width, on?.width);
        writer.leaf('height', video.height, on?.height);
        writer.leaf('durationinseconds', video.durationInSeconds, on?.durationinseconds);
        writer.leaf('stereomode', video.stereoMode, on?.stereomode);
        writer.leaf('hdrtype', video.hdrType, on?.hdrtype);
        writeElements(writer, video.extra);
      });
    }
    for (const audio of fileInfo.audio) {
      const on = audio.elementAttributes;
      writer.block('audio', audio.attributes ?? {}, () => {
        writer.leaf('codec', audio.codec, on?.codec);
        writer.leaf('language', audio.language, on?.language);
        writer.leaf('channels', audio.channels, on?.channels);
        writeElements(writer, audio.extra);
      });
    }
    for (const subtitle of fileInfo.subtitles) {
      writer.block('subtitle', subtitle.attributes ?? {}, () => {
        writer.leaf('language', subtitle.language, subtitle.elementAttributes?.language);
        writeElements(writer, subtitle.extra);
      });
    }
    writeElements(writer, fileInfo.extra);
  });
}
