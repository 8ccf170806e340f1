import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { imageSize } from 'image-size';

export interface ImageInfo {
  /** Width and height as the image is shown, after any EXIF rotation. */
  width: number;
  height: number;
  /** image-size's name for the format: `jpg`, `png`, `webp`, `gif`, `bmp`, ... */
  format: string;
}

// Every format image-size reads keeps its dimensions near the start; JPEG's are after the EXIF and ICC
// segments, which stay well inside this. image-size's own file reader uses the same bound.
const HEAD_BYTES = 512 * 1024;
// Where almost every image has them. A scan reads a few images per title, and 512 KB buffers for
// 100 KB files were most of the worker's short-lived memory outside the heap (and its full collections).
const FIRST_READ_BYTES = 64 * 1024;

// EXIF orientations 5 to 8 turn the picture by 90°, so the stored width is the shown height.
const FIRST_QUARTER_TURN_ORIENTATION = 5;

/** Dimensions and format of an image file, read from its first bytes; throws naming the file otherwise. */
export async function readImageInfo(filePath: string): Promise<ImageInfo> {
  // A JPEG whose EXIF or ICC segments push its dimensions further in: read again, to the full bound.
  return (
    infoFromHead(filePath, await readHead(filePath, FIRST_READ_BYTES), false) ?? infoOrThrow(filePath, await readHead(filePath, HEAD_BYTES))
  );
}

export interface ImageFile extends ImageInfo {
  /** SHA-256 of the whole file, lower-case hex. */
  sha256: string;
  /** Bytes read to the end of the file. */
  sizeBytes: number;
}

// An image of up to this size is read whole in one call; a larger one in reads of this size.
const WHOLE_READ_BYTES = 1024 * 1024;

/**
 * readImageInfo and the file's SHA-256 from one open: the scan needs both for every artwork file, and two
 * passes cost it eight file-system calls an image (open, read and close; stat, open, fstat, read and
 * close), each a hand-off to libuv's pool and, on a network share, a round trip. Given the size the
 * listing saw, the first read asks for one byte more: a read that comes back short has reached the end,
 * so a poster takes an open, one read and a close, and a file that grew since is read on to its end. As
 * readImageInfo, a file that is no image is refused before the rest of it is read.
 */
export async function readImageFile(filePath: string, listedSize?: number): Promise<ImageFile> {
  let file: FileHandle;
  try {
    file = await open(filePath, 'r');
  } catch (error) {
    throw cannotRead(filePath, error);
  }
  try {
    const hash = createHash('sha256');
    const firstBytes = listedSize !== undefined && listedSize < WHOLE_READ_BYTES ? listedSize + 1 : FIRST_READ_BYTES;
    const head = await readAt(filePath, file, 0, firstBytes);
    let ended = head.length < firstBytes;
    hash.update(head);
    let sizeBytes = head.length;
    let info = infoFromHead(filePath, head, ended);
    // Read on to the end for the hash; the first HEAD_BYTES also give the dimensions a second try.
    const start: Uint8Array[] = [head];
    while (!ended) {
      const wanted =
        listedSize !== undefined && listedSize >= sizeBytes ? Math.min(WHOLE_READ_BYTES, listedSize - sizeBytes + 1) : WHOLE_READ_BYTES;
      const chunk = await readAt(filePath, file, sizeBytes, wanted);
      ended = chunk.length < wanted;
      hash.update(chunk);
      if (info === undefined && sizeBytes < HEAD_BYTES) start.push(chunk);
      sizeBytes += chunk.length;
      if (info === undefined && (sizeBytes >= HEAD_BYTES || ended))
        info = infoOrThrow(filePath, Buffer.concat(start).subarray(0, HEAD_BYTES));
    }
    return { ...(info ?? infoOrThrow(filePath, head)), sha256: hash.digest('hex'), sizeBytes };
  } finally {
    await file.close();
  }
}

/** The dimensions from the first bytes read; undefined when they may be further in (see readImageInfo). */
function infoFromHead(filePath: string, head: Uint8Array, wholeFile: boolean): ImageInfo | undefined {
  try {
    return dimensionsOf(imageSize(head));
  } catch (error) {
    // The whole file was read, or its dimensions are wrong rather than further in: it is not a readable image.
    if (wholeFile || head.length < FIRST_READ_BYTES || !(error instanceof Error) || error.message === NO_DIMENSIONS) {
      throw notReadable(filePath, error);
    }
    return undefined;
  }
}

function infoOrThrow(filePath: string, head: Uint8Array): ImageInfo {
  try {
    return dimensionsOf(imageSize(head));
  } catch (error) {
    throw notReadable(filePath, error);
  }
}

async function readAt(filePath: string, file: FileHandle, position: number, bytes: number): Promise<Uint8Array> {
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, position);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    throw cannotRead(filePath, error);
  }
}

const NO_DIMENSIONS = 'no dimensions found';

function dimensionsOf({ width, height, type, orientation }: ReturnType<typeof imageSize>): ImageInfo {
  if (!type || !width || !height) throw new Error(NO_DIMENSIONS);
  const turned = (orientation ?? 1) >= FIRST_QUARTER_TURN_ORIENTATION;
  return { width: turned ? height : width, height: turned ? width : height, format: type };
}

const notReadable = (filePath: string, error: unknown) =>
  new Error(`Not a readable image: "${filePath}" (${(error as Error).message})`, { cause: error });

async function readHead(filePath: string, bytes: number): Promise<Uint8Array> {
  try {
    const file = await open(filePath, 'r');
    try {
      const buffer = new Uint8Array(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw cannotRead(filePath, error);
  }
}

const cannotRead = (filePath: string, error: unknown) =>
  new Error(`Cannot read image "${filePath}": ${(error as Error).message}`, { cause: error });
