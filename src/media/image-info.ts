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

// EXIF orientations 5 to 8 turn the picture by 90°, so the stored width is the shown height.
const FIRST_QUARTER_TURN_ORIENTATION = 5;

/** Dimensions and format of an image file, read from its first bytes; throws naming the file otherwise. */
export async function readImageInfo(filePath: string): Promise<ImageInfo> {
  let head: Uint8Array;
  try {
    head = await readHead(filePath);
  } catch (error) {
    throw new Error(`Cannot read image "${filePath}": ${(error as Error).message}`, { cause: error });
  }
  try {
    const { width, height, type, orientation } = imageSize(head);
    if (!type || !width || !height) throw new Error('no dimensions found');
    const turned = (orientation ?? 1) >= FIRST_QUARTER_TURN_ORIENTATION;
    return { width: turned ? height : width, height: turned ? width : height, format: type };
  } catch (error) {
    throw new Error(`Not a readable image: "${filePath}" (${(error as Error).message})`, { cause: error });
  }
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const file = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
