import { sha256File } from '../file-hash.js';
import { readImageInfo } from '../image-info.js';
import type { ArtworkCandidate } from './classify-title-files.js';
import { byRelativePath } from './ordering.js';
import { describeError } from './scan-errors.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { ScanFileError, ScannedArtwork } from './types.js';

/**
 * Hashes and measures every artwork file. The image header is read first, so a file named like artwork
 * that is no image is rejected before it is hashed; it becomes an error entry, not artwork.
 */
export async function scanArtworkFiles(
  candidates: readonly ArtworkCandidate[],
  limit: ConcurrencyLimit,
): Promise<{ artwork: ScannedArtwork[]; errors: ScanFileError[] }> {
  const artwork: ScannedArtwork[] = [];
  const errors: ScanFileError[] = [];
  await Promise.all(
    candidates.map(async ({ file, match }) => {
      try {
        const scanned = await limit(async () => {
          const image = await readImageInfo(file.absolutePath);
          const sha256 = await sha256File(file.absolutePath);
          return { image, sha256 };
        });
        artwork.push({
          relativePath: file.relativePath,
          assetType: match.assetType,
          ...(match.season === undefined ? {} : { season: match.season }),
          sha256: scanned.sha256,
          sizeBytes: file.sizeBytes,
          width: scanned.image.width,
          height: scanned.image.height,
          format: scanned.image.format,
        });
      } catch (error) {
        errors.push({ relativePath: file.relativePath, reason: describeError(error) });
      }
    }),
  );
  return { artwork: artwork.sort(byRelativePath), errors };
}
