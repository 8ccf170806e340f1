import { readImageFile } from '../image-info.js';
import type { ArtworkCandidate } from './classify-title-files.js';
import { byRelativePath } from './ordering.js';
import { describeError } from './scan-errors.js';
import type { ConcurrencyLimit } from '../../concurrency/concurrency-limit.js';
import type { ScanFileError, ScannedArtwork, StoredArtworkFile } from './types.js';

/**
 * Hashes and measures every artwork file, each in one pass (`readImageFile`). The image header is read
 * first, so a file named like artwork that is no image is rejected before it is hashed; it becomes an
 * error entry, not artwork. A file the last scan read at the same size and modification time keeps what
 * that scan found and is not read again.
 */
export async function scanArtworkFiles(
  candidates: readonly ArtworkCandidate[],
  limit: ConcurrencyLimit,
  stored?: ReadonlyMap<string, StoredArtworkFile>,
): Promise<{ artwork: ScannedArtwork[]; errors: ScanFileError[] }> {
  const artwork: ScannedArtwork[] = [];
  const errors: ScanFileError[] = [];
  await Promise.all(
    candidates.map(async ({ file, match }) => {
      try {
        const kept = stored?.get(file.relativePath);
        const read =
          kept && kept.sizeBytes === file.sizeBytes && kept.mtimeMs === file.mtimeMs
            ? kept
            : await limit(() => readImageFile(file.absolutePath, file.sizeBytes));
        artwork.push({
          relativePath: file.relativePath,
          assetType: match.assetType,
          ...(match.season === undefined ? {} : { season: match.season }),
          sha256: read.sha256,
          // The bytes hashed, should the file have changed since it was listed.
          sizeBytes: read.sizeBytes,
          mtimeMs: file.mtimeMs,
          width: read.width,
          height: read.height,
          format: read.format,
        });
      } catch (error) {
        errors.push({ relativePath: file.relativePath, reason: describeError(error) });
      }
    }),
  );
  return { artwork: artwork.sort(byRelativePath), errors };
}
