import type { AudioTrack, GeneralTrack, MediaInfoResult, TextTrack, Track, VideoTrack } from 'mediainfo.js';
import { toIso6392 } from '../language/language-codes.js';
import type { ContainerHeader, HeaderKind } from './container-header.js';
import type { AudioStreamInfo, HdrFormat, MediaInfo, SubtitleStreamInfo, VideoStreamInfo } from './probe.js';

/**
 * Turns MediaInfo's report into the MediaInfo ffprobe's reading would give (probe.ts), field for field:
 * ffprobe's codec names, container names, languages, layouts and flags. Every table below lists only what
 * the differential test (test/unit/media/probe-mediainfo.test.ts) shows to come out the same, or what is
 * a fixed name mapping in ffmpeg's own tables; anything else returns null, and the scan asks ffprobe.
 */

const AV_TIME_BASE = 1_000_000;

/** Which container header to read for the exact duration, or null when MediaInfo is not used for this file. */
export function headerKindOf(report: MediaInfoResult): HeaderKind | null {
  const format = generalTrack(report)?.Format;
  if (format === 'Matroska' || format === 'WebM') return 'matroska';
  // MediaInfo names an MP4 without an ftyp box "QuickTime"; ffprobe then goes by the extension alone.
  if (format === 'MPEG-4') return 'mp4';
  return null;
}

export function fromMediaInfoReport(
  filePath: string,
  report: MediaInfoResult,
  header: ContainerHeader,
  sizeBytes: number,
): MediaInfo | null {
  const general = generalTrack(report);
  const kind = headerKindOf(report);
  if (!general || !kind || header.durationMicroseconds <= 0) return null;
  const tracks = (report.media?.track ?? []).filter((track) => track['@type'] !== 'General');
  if (!hasContiguousStreamOrder(tracks)) return null;
  if (kind === 'mp4' && header.trackEnabled?.length !== tracks.filter((t) => t.StreamOrder !== undefined).length) return null;

  const context: MappingContext = { kind, trackEnabled: header.trackEnabled ?? [] };
  const video: VideoStreamInfo[] = [];
  const audio: AudioStreamInfo[] = [];
  const subtitles: SubtitleStreamInfo[] = [];
  for (const track of tracks) {
    if (track['@type'] === 'Video') {
      const stream = toVideoStream(track, context);
      if (!stream) return null;
      video.push(stream);
    } else if (track['@type'] === 'Audio') {
      const stream = toAudioStream(track, context);
      if (!stream) return null;
      audio.push(stream);
    } else if (track['@type'] === 'Text') {
      const stream = toSubtitleStream(track, context);
      if (!stream) return null;
      subtitles.push(stream);
    } else if (track['@type'] !== 'Menu' && track['@type'] !== 'Other') {
      // Image tracks (cover art) and kinds this table does not know.
      return null;
    }
  }
  // ffprobe's verdict on a file without streams is an error; only ffprobe gives it.
  if (video.length + audio.length + subtitles.length === 0) return null;

  const micro = header.durationMicroseconds;
  return {
    container: containerName(kind, general, filePath),
    // ffprobe prints `duration * (1 / AV_TIME_BASE)` with six decimals, and bit_rate as ffmpeg computes it
    // from the file size and that duration, truncated.
    durationSeconds: Number((micro * (1 / AV_TIME_BASE)).toFixed(6)),
    sizeBytes,
    bitrate: Math.trunc((sizeBytes * 8.0 * AV_TIME_BASE) / micro),
    video: video.sort(byIndex),
    audio: audio.sort(byIndex),
    subtitles: subtitles.sort(byIndex),
  };
}

interface MappingContext {
  kind: HeaderKind;
  trackEnabled: boolean[];
}

function generalTrack(report: MediaInfoResult): GeneralTrack | undefined {
  return report.media?.track.find((track): track is GeneralTrack => track['@type'] === 'General');
}

function byIndex(a: { index: number }, b: { index: number }): number {
  return a.index - b.index;
}

/**
 * MediaInfo's StreamOrder is ffmpeg's stream index in Matroska and MP4 (tracks in file order). A gap
 * means MediaInfo skipped a track ffmpeg would list, and an MPEG-TS style "0-1" order is not an index.
 */
function hasContiguousStreamOrder(tracks: Track[]): boolean {
  const orders = tracks.filter((t) => t.StreamOrder !== undefined || t['@type'] !== 'Menu').map((t) => t.StreamOrder ?? '');
  if (!orders.every((order) => /^\d+$/.test(order))) return false;
  const indexes = orders.map(Number).sort((a, b) => a - b);
  return indexes.every((index, position) => index === position);
}

// ffprobe's friendlyContainerName rules (probe.ts), applied to MediaInfo's format and the MP4 major brand.
function containerName(kind: HeaderKind, general: GeneralTrack, filePath: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(filePath)?.[1]?.toLowerCase();
  if (kind === 'matroska') return extension === 'webm' ? 'webm' : 'mkv';
  if (general.CodecID?.trim() === 'qt') return 'mov';
  if (extension === 'm4v' || extension === 'mov') return extension;
  return 'mp4';
}

/** Matroska CodecID or MP4 sample entry → ffprobe's codec_name, with the Format MediaInfo must agree on. */
const VIDEO_CODECS: Record<string, { codec: string; format: string }> = {
  'V_MPEG4/ISO/AVC': { codec: 'h264', format: 'AVC' },
  avc1: { codec: 'h264', format: 'AVC' },
  avc3: { codec: 'h264', format: 'AVC' },
  'V_MPEGH/ISO/HEVC': { codec: 'hevc', format: 'HEVC' },
  hvc1: { codec: 'hevc', format: 'HEVC' },
  hev1: { codec: 'hevc', format: 'HEVC' },
  V_AV1: { codec: 'av1', format: 'AV1' },
  av01: { codec: 'av1', format: 'AV1' },
  V_VP9: { codec: 'vp9', format: 'VP9' },
  vp09: { codec: 'vp9', format: 'VP9' },
  V_MPEG2: { codec: 'mpeg2video', format: 'MPEG Video' },
  'V_MPEG4/ISO/ASP': { codec: 'mpeg4', format: 'MPEG-4 Visual' },
  'V_MPEG4/ISO/SP': { codec: 'mpeg4', format: 'MPEG-4 Visual' },
  'V_MPEG4/ISO/AP': { codec: 'mpeg4', format: 'MPEG-4 Visual' },
  // MP4's object type 0x20 (MPEG-4 Visual) and its sample entry, as MediaInfo joins them.
  '20 / mp4v-20': { codec: 'mpeg4', format: 'MPEG-4 Visual' },
};

function toVideoStream(track: VideoTrack, context: MappingContext): VideoStreamInfo | null {
  const mapped = VIDEO_CODECS[track.CodecID ?? ''];
  if (!mapped || mapped.format !== track.Format) return null;
  const { Width: width, Height: height, BitDepth: bitDepth } = track;
  if (!width || !height || !bitDepth) return null;
  const frameRate = videoFrameRate(track);
  const hdr = hdrFormat(track);
  const isDefault = defaultFlag(track, context);
  if (frameRate === null || hdr === null || isDefault === null) return null;
  return { index: Number(track.StreamOrder), codec: mapped.codec, width, height, frameRate, bitDepth, hdr, isDefault };
}

// ffprobe's avg_frame_rate, rounded to three decimals; a variable rate or a container and stream that
// disagree are computed differently by the two, so those files go to ffprobe.
function videoFrameRate(track: VideoTrack): number | null {
  if (track.FrameRate_Mode !== undefined && track.FrameRate_Mode !== 'CFR') return null;
  if (track.FrameRate_Original !== undefined) return null;
  const { FrameRate_Num: numerator, FrameRate_Den: denominator, FrameRate: rate } = track;
  if (numerator && denominator) return Math.round((numerator / denominator) * 1000) / 1000;
  return typeof rate === 'number' && rate > 0 ? Math.round(rate * 1000) / 1000 : null;
}

/**
 * ffprobe's rule (probe.ts): Dolby Vision first, then the PQ or HLG transfer. Dolby Vision is detected by
 * ffmpeg from the configuration record, which no fixture can carry, so those files go to ffprobe.
 */
function hdrFormat(track: VideoTrack): HdrFormat | null {
  if (/dolby vision/i.test(track.HDR_Format ?? '') || /^dv/i.test(track.CodecID ?? '')) return null;
  // Container and stream may both state the transfer; MediaInfo then lists both (and the stream's again
  // as "_Original"). Which one ffmpeg reports only matters when they differ, and then ffprobe decides.
  const stated = [track.transfer_characteristics, track.transfer_characteristics_Original].filter((v) => v !== undefined);
  const transfer = agreedValue(stated.join(' / '));
  if (transfer === null) return null;
  if (transfer === 'PQ') return 'hdr10';
  if (transfer === 'HLG') return 'hlg';
  return 'none';
}

interface AudioCodecRule {
  codec: string;
  /** MediaInfo's Format, and the only Format_AdditionalFeatures value accepted (absent when undefined). */
  format: string;
  features?: string;
  matches?: (track: AudioTrack) => boolean;
}

// Extensions (DTS-HD, Atmos in E-AC-3 or TrueHD, HE-AAC) change channel counts and layouts between
// the two readers, so only the plain forms are listed.
const AUDIO_CODECS: readonly AudioCodecRule[] = [
  { codec: 'aac', format: 'AAC', features: 'LC' },
  { codec: 'ac3', format: 'AC-3' },
  { codec: 'eac3', format: 'E-AC-3' },
  { codec: 'dts', format: 'DTS' },
  { codec: 'truehd', format: 'MLP FBA' },
  { codec: 'mp3', format: 'MPEG Audio', matches: (t) => t.Format_Profile === 'Layer 3' },
  { codec: 'flac', format: 'FLAC' },
  { codec: 'opus', format: 'Opus' },
  { codec: 'vorbis', format: 'Vorbis' },
  { codec: 'pcm_s16le', format: 'PCM', matches: (t) => t.CodecID === 'A_PCM/INT/LIT' && t.BitDepth === 16 },
  { codec: 'pcm_s24le', format: 'PCM', matches: (t) => t.CodecID === 'A_PCM/INT/LIT' && t.BitDepth === 24 },
];

/**
 * ffmpeg names a layout by its decoder's channel order, and the decoders differ: AAC's 5.1 is "5.1",
 * AC-3's the same speakers "5.1(side)". Keyed by codec, channel count and MediaInfo's ChannelPositions
 * (empty when it gives none). Mono and stereo hold for every codec but PCM, whose layout ffmpeg does not
 * know in Matroska.
 */
const CHANNEL_LAYOUTS: Record<string, Record<string, string | null>> = {
  '*': { '1|': 'mono', '1|Front: C': 'mono', '2|': 'stereo', '2|Front: L R': 'stereo' },
  pcm_s16le: { '1|': null, '2|': null, '6|': null },
  pcm_s24le: { '1|': null, '2|': null, '6|': null },
  aac: { '6|Front: L C R, Side: L R, LFE': '5.1', '8|Front: L C R, Side: L R, Back: L R, LFE': '7.1' },
  ac3: { '6|Front: L C R, Side: L R, LFE': '5.1(side)' },
  eac3: { '6|Front: L C R, Side: L R, LFE': '5.1(side)' },
  dts: { '6|Front: L C R, Side: L R, LFE': '5.1(side)' },
  truehd: { '6|Front: L C R, Side: L R, LFE': '5.1(side)' },
  flac: { '6|Front: L C R, Back: L R, LFE': '5.1' },
  opus: { '6|Front: L C R, Back: L R, LFE': '5.1' },
};

function channelLayout(codec: string, channels: number, positions: string | undefined): string | null | undefined {
  const key = `${channels}|${positions ?? ''}`;
  const forCodec = CHANNEL_LAYOUTS[codec] ?? {};
  if (key in forCodec) return forCodec[key];
  if (codec.startsWith('pcm_')) return undefined;
  return CHANNEL_LAYOUTS['*']![key];
}

function toAudioStream(track: AudioTrack, context: MappingContext): AudioStreamInfo | null {
  const rule = AUDIO_CODECS.find(
    (r) => r.format === track.Format && r.features === track.Format_AdditionalFeatures && (r.matches?.(track) ?? true),
  );
  const channels = track.Channels;
  if (!rule || typeof channels !== 'number' || channels <= 0) return null;
  const layout = channelLayout(rule.codec, channels, track.ChannelPositions);
  const language = languageCode(track.Language);
  const title = trackTitle(track, context);
  const isDefault = defaultFlag(track, context);
  if (layout === undefined || language === null || title === undefined || isDefault === null) return null;
  return { index: Number(track.StreamOrder), codec: rule.codec, channels, channelLayout: layout, language, title, isDefault };
}

/** Matroska CodecID or MP4 sample entry → ffprobe's codec_name (ffmpeg's own CodecID table for Matroska). */
const SUBTITLE_CODECS: Record<string, string> = {
  'S_TEXT/UTF8': 'subrip',
  'S_TEXT/ASS': 'ass',
  'S_TEXT/SSA': 'ass',
  'S_HDMV/PGS': 'hdmv_pgs_subtitle',
  S_VOBSUB: 'dvd_subtitle',
  tx3g: 'mov_text',
};

function toSubtitleStream(track: TextTrack, context: MappingContext): SubtitleStreamInfo | null {
  const codec = SUBTITLE_CODECS[track.CodecID ?? ''];
  if (!codec) return null;
  const language = languageCode(track.Language);
  const title = trackTitle(track, context);
  const isDefault = defaultFlag(track, context);
  const isForced = yesNo(track.Forced ?? 'No');
  if (language === null || title === undefined || isDefault === null || isForced === null) return null;
  return { index: Number(track.StreamOrder), codec, language, title, isDefault, isForced, external: false };
}

/**
 * MediaInfo gives ISO 639-1 where one exists ("en"), else the code as stored. toIso6392 maps a listed
 * two-letter code to what ffprobe's three letters map to; an unlisted one ("sw", where ffprobe says
 * "swa") would come out differently, so that file goes to ffprobe.
 */
function languageCode(language: string | undefined): string | null {
  if (language === undefined || language === '') return 'und';
  const listed = toIso6392(language, { listedOnly: true });
  if (listed) return listed;
  return /^[a-z]{3}$/.test(language) ? toIso6392(language) : null;
}

/**
 * Matroska's track Name is ffprobe's title. MediaInfo also reads an MP4 track's name box, which ffmpeg
 * does not report, so an MP4 track with a title goes to ffprobe (undefined: cannot say).
 */
function trackTitle(track: AudioTrack | TextTrack, context: MappingContext): string | null | undefined {
  const title = track.Title?.trim() || null;
  if (context.kind === 'mp4' && title !== null) return undefined;
  return title;
}

/**
 * Matroska's FlagDefault, as MediaInfo reports it (absent means yes, as in ffmpeg). In MP4 ffmpeg
 * reports a track's tkhd "enabled" flag as default, which MediaInfo shows only for some tracks.
 */
function defaultFlag(track: VideoTrack | AudioTrack | TextTrack, context: MappingContext): boolean | null {
  if (context.kind === 'mp4') return context.trackEnabled[Number(track.StreamOrder)] ?? null;
  return yesNo(track.Default ?? 'Yes');
}

/**
 * MediaInfo joins values it read from several places with " / " (an MP4 track's flags); those that
 * disagree are not something this mapping can settle.
 */
function yesNo(value: string): boolean | null {
  const agreed = agreedValue(value);
  if (agreed === 'Yes') return true;
  if (agreed === 'No') return false;
  return null;
}

/** The one value of MediaInfo's " / "-joined list when every part says the same, else null. */
function agreedValue(joined: string): string | null {
  const parts = new Set(joined.split(' / '));
  return parts.size === 1 ? [...parts][0]! : null;
}
