import type { ScanConfig } from '../../config/phase-config.js';
import { fileExtension, isExtraVideoFileName, isSampleFile, isTrailerFile } from '../title-names.js';

export type VideoScanConfig = Pick<ScanConfig, 'videoExtensions' | 'minVideoSizeMb'>;

/** minVideoSizeMb counts mebibytes, as discovery and the *arr apps do. */
const BYTES_PER_MB = 1024 * 1024;

export interface VideoNameRules {
  /** A sample, trailer or other extra video: part of the title, but not scanned in this version. */
  isExtraVideo(name: string): boolean;
  /** Whether discovery would take the file for a main video: the rule loose movie files are owned by. */
  isMainVideo(name: string, sizeBytes: number): boolean;
  /** An empty file with a video extension: almost always a failed copy, which a person should hear about. */
  isZeroByteVideo(name: string, sizeBytes: number): boolean;
}

export function compileVideoNameRules(config: VideoScanConfig): VideoNameRules {
  const extensions = new Set(config.videoExtensions.map((extension) => extension.toLowerCase()));
  const minBytes = config.minVideoSizeMb * BYTES_PER_MB;
  const isExtraVideo = (name: string): boolean =>
    extensions.has(fileExtension(name)) && (isSampleFile(name) || isTrailerFile(name) || isExtraVideoFileName(name));
  const isCandidate = (name: string): boolean => extensions.has(fileExtension(name)) && !isExtraVideo(name);
  return {
    isExtraVideo,
    isMainVideo: (name, sizeBytes) => isCandidate(name) && sizeBytes > 0 && sizeBytes >= minBytes,
    isZeroByteVideo: (name, sizeBytes) => isCandidate(name) && sizeBytes === 0,
  };
}
