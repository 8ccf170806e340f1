import type { ScanConfig } from '../../config/phase-config.js';
import { fileExtension, isExtraVideoFileName, isSampleFile } from '../title-names.js';

/**
 * Whether a file is a main video: 'zero-byte' is kept apart because an empty file with a video extension is
 * almost always a failed copy or an unfinished download, which a person should hear about.
 */
export type VideoVerdict = 'video' | 'zero-byte' | 'not-video';

export type VideoJudge = (name: string, sizeBytes: number) => VideoVerdict;

/** minVideoSizeMb counts mebibytes, as file managers and the *arr apps do. */
const BYTES_PER_MB = 1024 * 1024;

export function compileVideoRules(config: ScanConfig): VideoJudge {
  const extensions = new Set(config.videoExtensions.map((extension) => extension.toLowerCase()));
  const minBytes = config.minVideoSizeMb * BYTES_PER_MB;
  return (name, sizeBytes) => {
    if (!extensions.has(fileExtension(name))) return 'not-video';
    if (isSampleFile(name) || isExtraVideoFileName(name)) return 'not-video';
    if (sizeBytes === 0) return 'zero-byte';
    return sizeBytes >= minBytes ? 'video' : 'not-video';
  };
}
