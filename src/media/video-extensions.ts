import path from 'node:path';

/**
 * Extensions of files that hold a video: the library scan's default (a person can narrow or widen it in
 * the scan phase's configuration) and the files a finished download is chosen among.
 */
export const VIDEO_EXTENSIONS: readonly string[] = [
  '.mkv',
  '.mp4',
  '.m4v',
  '.avi',
  '.mov',
  '.wmv',
  '.ts',
  '.m2ts',
  '.webm',
  '.mpg',
  '.mpeg',
  '.iso',
];

const VIDEO_EXTENSION_SET = new Set(VIDEO_EXTENSIONS);

/** Whether a file name ends in one of the video extensions, in any case. */
export const hasVideoExtension = (fileName: string) => VIDEO_EXTENSION_SET.has(path.extname(fileName).toLowerCase());
