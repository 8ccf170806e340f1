import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client.js';
import { AssetRepository } from '../../db/repositories/asset-repository.js';
import type { TitleKind } from '../../db/repositories/title-repository.js';
import { NotFoundError } from '../service-errors.js';

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/**
 * The bytes of a title's artwork as the scan or enrichment cached them (content-addressed under the data
 * directory), for the web UI to show. Only files of the cache are ever read.
 */
export class ArtworkFileService {
  private readonly assets: AssetRepository;
  private readonly cacheRoot: string | undefined;

  constructor(db: Database, dataDir: string | undefined) {
    this.assets = new AssetRepository(db);
    this.cacheRoot = dataDir === undefined ? undefined : path.resolve(dataDir, 'cache');
  }

  async open(
    kind: TitleKind,
    titleId: string,
    assetId: string,
  ): Promise<{ stream: fs.ReadStream; contentType: string; sizeBytes: number }> {
    const file = await this.assets.cachedFile(kind, titleId, assetId);
    if (!file || !this.cacheRoot) throw new NotFoundError('Artwork');
    const absolute = path.resolve(this.cacheRoot, '..', file.path);
    if (!absolute.startsWith(this.cacheRoot + path.sep) || !fs.existsSync(absolute))
      throw new NotFoundError('Artwork', 'Artwork file not found in the cache');
    const extension = (file.format ?? path.extname(absolute).slice(1)).toLowerCase();
    return {
      stream: fs.createReadStream(absolute),
      contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      sizeBytes: file.sizeBytes,
    };
  }
}
