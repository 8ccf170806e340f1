/**
 * The few container header fields the scan's probe needs exactly as ffmpeg reads them, where MediaInfo
 * rounds them (durations, to the millisecond) or leaves them out (an MP4 track's "enabled" flag, which
 * ffmpeg reports as the default disposition). Reads headers only: a handful of small reads per file.
 */
export interface ContainerHeader {
  /** The duration the container states, in microseconds, computed as ffmpeg computes its format duration. */
  durationMicroseconds: number;
  /** MP4 only: each track's tkhd "enabled" flag, in file order (ffmpeg's stream order). */
  trackEnabled?: boolean[];
}

/** Reads up to `length` bytes at `offset`; fewer at the end of the file. */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>;

export type HeaderKind = 'matroska' | 'mp4';

/** Null when the header is not where it should be or lacks a duration; ffprobe then reads the file. */
export function readContainerHeader(kind: HeaderKind, read: ReadAt, size: number): Promise<ContainerHeader | null> {
  return kind === 'matroska' ? readMatroskaHeader(read, size) : readMp4Header(read, size);
}

const EBML_HEADER_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const INFO_ID = 0x1549a966;
const CLUSTER_ID = 0x1f43b675;
const TIMESTAMP_SCALE_ID = 0x2ad7b1;
const DURATION_ID = 0x4489;
const DEFAULT_TIMESTAMP_SCALE = 1_000_000;
// Level-1 elements before Info: SeekHead, Void, perhaps Tags or Chapters written first by some muxers.
const MAX_SEGMENT_CHILDREN_BEFORE_INFO = 32;
const MAX_INFO_BYTES = 1024 * 1024;
const AV_TIME_BASE = 1_000_000;

interface EbmlElement {
  id: number;
  dataStart: number;
  /** Null for an element of unknown size (a live-written Segment). */
  dataSize: number | null;
}

async function readMatroskaHeader(read: ReadAt, size: number): Promise<ContainerHeader | null> {
  const ebml = await readEbmlElement(read, 0);
  if (ebml?.id !== EBML_HEADER_ID || ebml.dataSize === null) return null;
  const segment = await readEbmlElement(read, ebml.dataStart + ebml.dataSize);
  if (segment?.id !== SEGMENT_ID) return null;
  let offset = segment.dataStart;
  for (let i = 0; i < MAX_SEGMENT_CHILDREN_BEFORE_INFO && offset < size; i += 1) {
    const child = await readEbmlElement(read, offset);
    if (!child || child.dataSize === null || child.id === CLUSTER_ID) return null;
    if (child.id === INFO_ID) {
      if (child.dataSize > MAX_INFO_BYTES) return null;
      return matroskaDuration(await read(child.dataStart, child.dataSize));
    }
    offset = child.dataStart + child.dataSize;
  }
  return null;
}

/** ffmpeg: `duration * time_scale * 1000 / AV_TIME_BASE` in double arithmetic, truncated to microseconds. */
function matroskaDuration(info: Uint8Array): ContainerHeader | null {
  let timestampScale = DEFAULT_TIMESTAMP_SCALE;
  let duration: number | null = null;
  const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
  let offset = 0;
  while (offset < info.length) {
    const element = parseEbmlElement(info, offset);
    if (!element || element.dataSize === null || element.dataStart + element.dataSize > info.length) return null;
    if (element.id === TIMESTAMP_SCALE_ID) timestampScale = readUnsigned(info, element.dataStart, element.dataSize);
    if (element.id === DURATION_ID) {
      if (element.dataSize === 8) duration = view.getFloat64(element.dataStart);
      else if (element.dataSize === 4) duration = view.getFloat32(element.dataStart);
      else return null;
    }
    offset = element.dataStart + element.dataSize;
  }
  // Without a stated duration ffmpeg estimates one from the clusters, which only ffprobe can reproduce.
  if (!duration || duration < 0 || !timestampScale) return null;
  return { durationMicroseconds: Math.trunc((duration * timestampScale * 1000) / AV_TIME_BASE) };
}

async function readEbmlElement(read: ReadAt, offset: number): Promise<EbmlElement | null> {
  // An ID takes at most 4 bytes and a size at most 8.
  return parseEbmlElement(await read(offset, 12), 0, offset);
}

function parseEbmlElement(bytes: Uint8Array, at: number, base = 0): EbmlElement | null {
  const id = readVint(bytes, at, 4);
  if (!id) return null;
  const size = readVint(bytes, at + id.length, 8);
  if (!size) return null;
  const allOnes = size.value === 2 ** (7 * size.length) - 1;
  return { id: id.raw, dataStart: base + at + id.length + size.length, dataSize: allOnes ? null : size.value };
}

/** An EBML variable-length integer: `raw` keeps the length marker (as IDs are written), `value` drops it. */
function readVint(bytes: Uint8Array, at: number, maxLength: number): { raw: number; value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > maxLength || at + length > bytes.length) return null;
  let raw = first;
  let value = first & (0xff >> length);
  for (let i = 1; i < length; i += 1) {
    raw = raw * 256 + bytes[at + i]!;
    value = value * 256 + bytes[at + i]!;
  }
  return { raw, value, length };
}

function readUnsigned(bytes: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i += 1) value = value * 256 + bytes[at + i]!;
  return value;
}

const MAX_TOP_LEVEL_BOXES = 64;
const MAX_MOOV_CHILDREN = 4096;

interface Mp4Box {
  type: string;
  start: number;
  dataStart: number;
  end: number;
}

async function readMp4Header(read: ReadAt, size: number): Promise<ContainerHeader | null> {
  const moov = await findMp4Box(read, 0, size, 'moov', MAX_TOP_LEVEL_BOXES);
  if (!moov) return null;
  let movie: { timescale: number; duration: bigint } | null = null;
  const trackEnabled: boolean[] = [];
  for (let offset = moov.dataStart, i = 0; offset < moov.end && i < MAX_MOOV_CHILDREN; i += 1) {
    const box = await readMp4Box(read, offset, moov.end);
    if (!box) return null;
    // A fragmented file's duration comes from its fragments, which ffmpeg reads and this does not.
    if (box.type === 'mvex') return null;
    if (box.type === 'mvhd') movie = parseMvhd(await read(box.dataStart, 32));
    if (box.type === 'trak') {
      const tkhd = await findMp4Box(read, box.dataStart, box.end, 'tkhd', MAX_MOOV_CHILDREN);
      if (!tkhd) return null;
      const versionAndFlags = await read(tkhd.dataStart, 4);
      if (versionAndFlags.length < 4) return null;
      trackEnabled.push((versionAndFlags[3]! & 0x01) === 0x01);
    }
    offset = box.end;
  }
  if (!movie || movie.timescale <= 0 || movie.duration <= 0n) return null;
  // av_rescale(duration, AV_TIME_BASE, timescale): rounded to the nearest microsecond, halves away from zero.
  const timescale = BigInt(movie.timescale);
  const micro = (movie.duration * BigInt(AV_TIME_BASE) + timescale / 2n) / timescale;
  if (micro > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { durationMicroseconds: Number(micro), trackEnabled };
}

function parseMvhd(bytes: Uint8Array): { timescale: number; duration: bigint } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[0];
  if (version === 0 && bytes.length >= 20) return { timescale: view.getUint32(12), duration: BigInt(view.getUint32(16)) };
  if (version === 1 && bytes.length >= 32) return { timescale: view.getUint32(20), duration: view.getBigUint64(24) };
  return null;
}

async function findMp4Box(read: ReadAt, from: number, end: number, type: string, maxBoxes: number): Promise<Mp4Box | null> {
  for (let offset = from, i = 0; offset < end && i < maxBoxes; i += 1) {
    const box = await readMp4Box(read, offset, end);
    if (!box) return null;
    if (box.type === type) return box;
    offset = box.end;
  }
  return null;
}

async function readMp4Box(read: ReadAt, start: number, parentEnd: number): Promise<Mp4Box | null> {
  const header = await read(start, 16);
  if (header.length < 8) return null;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const type = String.fromCharCode(header[4]!, header[5]!, header[6]!, header[7]!);
  let size = view.getUint32(0);
  let dataStart = start + 8;
  if (size === 1) {
    if (header.length < 16) return null;
    const large = view.getBigUint64(8);
    if (large > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    size = Number(large);
    dataStart = start + 16;
  } else if (size === 0) {
    size = parentEnd - start;
  }
  const end = start + size;
  if (size < dataStart - start || end > parentEnd) return null;
  return { type, start, dataStart, end };
}
