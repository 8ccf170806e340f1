import { open } from 'node:fs/promises';
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
  const head = await readHead(filePath, FIRST_READ_BYTES);
  try {
    return dimensionsOf(imageSize(head));
  } catch (error) {
    // The whole file was read, or its dimensions are wrong rather than further in: it is not a readable image.
    if (head.length < FIRST_READ_BYTES || !(error instanceof Error) || error.message === NO_DIMENSIONS) throw notReadable(filePath, error);
  }
  // A JPEG whose EXIF or ICC segments push its dimensions further in: read again, to the full bound.
  try {
    return dimensionsOf(imageSize(await readHead(filePath, HEAD_BYTES)));
  } catch (error) {
    throw notReadable(filePath, error);
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
    throw new Error(`Cannot read image "${filePath}": ${(error as Error).message}`, { cause: error });
  }
}
