import { crc32 } from 'node:zlib';

/**
 * Distinct bytes for the same picture, so a synthetic library can hold thousands of different artwork files
 * without encoding thousands of images: the content-addressed cache then stores each one, as it would for
 * real posters. Both forms stay valid images with the base image's dimensions.
 */

const JPEG_SOI = 0xffd8;
const JPEG_APP0 = 0xffe0;
const JPEG_COM = 0xfe;
const PNG_SIGNATURE_BYTES = 8;

/** The JPEG with a comment (COM) segment holding `text`, placed after the JFIF header where one exists. */
export function jpegWithComment(jpeg: Buffer, text: string): Buffer {
  if (jpeg.readUInt16BE(0) !== JPEG_SOI) throw new Error('not a JPEG (no SOI marker)');
  // JFIF wants its APP0 segment first after SOI; a comment after it keeps strict readers happy.
  const insertAt = jpeg.readUInt16BE(2) === JPEG_APP0 ? 4 + jpeg.readUInt16BE(4) : 2;
  const body = Buffer.from(text, 'latin1');
  const header = Buffer.from([0xff, JPEG_COM, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, insertAt), header, body, jpeg.subarray(insertAt)]);
}

/** The PNG with a tEXt chunk `keyword`=`text` right after IHDR (which must come first). */
export function pngWithText(png: Buffer, keyword: string, text: string): Buffer {
  const ihdrLength = png.readUInt32BE(PNG_SIGNATURE_BYTES);
  const insertAt = PNG_SIGNATURE_BYTES + 12 + ihdrLength;
  const typeAndData = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(`${keyword}\0${text}`, 'latin1')]);
  const chunk = Buffer.alloc(8 + typeAndData.length);
  chunk.writeUInt32BE(typeAndData.length - 4, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
  return Buffer.concat([png.subarray(0, insertAt), chunk, png.subarray(insertAt)]);
}
