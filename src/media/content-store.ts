import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { CacheFileRepository } from '../db/repositories/cache-file-repository.js';
import type { CacheFile, EntityType } from '../db/schema/index.js';

export interface StoredContent {
  cacheFile: CacheFile;
  /** False when the cache held these bytes already. */
  stored: boolean;
}

export interface ContentToStore {
  sourcePath: string;
  sha256: string;
  sizeBytes: number;
  format?: string;
  width?: number;
  height?: number;
  entityType: EntityType;
  entityId: string;
  assetType: string;
  scanId?: string;
}

/**
 * The content-addressed file cache under <dataDir>/cache. Content is identified by its sha256: the first
 * title to bring some bytes stores them at cache/<entityType>/<entityId>/<assetType>_<hash>.<ext>; every
 * later title with the same bytes shares that one file and row.
 */
export class ContentStore {
  private readonly files: CacheFileRepository;

  constructor(
    db: Database,
    private readonly dataDir: string,
  ) {
    this.files = new CacheFileRepository(db);
  }

  findBySha256(sha256: string): Promise<CacheFile | undefined> {
    return this.files.findBySha256(sha256);
  }

  /** Returns the cache row for the content, copying the file in only when the content is new. */
  async put(content: ContentToStore): Promise<StoredContent> {
    const [answer] = await this.putMany([content]);
    return answer!;
  }

  /**
   * put for several contents (a title's artwork): one lookup for all of them, then a copy and an insert for
   * each content the cache does not hold. Answers in the order given; bytes given twice are stored once.
   */
  async putMany(contents: readonly ContentToStore[]): Promise<StoredContent[]> {
    const held = new Map((await this.files.findManyBySha256(contents.map((c) => c.sha256))).map((row) => [row.sha256, row]));
    const answers: StoredContent[] = [];
    for (const content of contents) {
      const existing = held.get(content.sha256);
      const answer = existing ? { cacheFile: existing, stored: false } : await this.store(content);
      held.set(content.sha256, answer.cacheFile);
      answers.push(answer);
    }
    return answers;
  }

  /** Copies content the cache did not hold in, and inserts its row (or takes another worker's, if it won). */
  private async store(content: ContentToStore): Promise<StoredContent> {
    const extension = path.extname(content.sourcePath).toLowerCase() || '.bin';
    const relativePath = path.posix.join(
      'cache',
      content.entityType,
      content.entityId,
      `${content.assetType}_${content.sha256}${extension}`,
    );
    const target = path.join(this.dataDir, relativePath);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Temp name + rename: a crash never leaves a partial file under the final name.
    const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.copyFile(content.sourcePath, temporary);
    await fs.rename(temporary, target);

    const inserted = await this.files.insertIfNew({
      sha256: content.sha256,
      sizeBytes: content.sizeBytes,
      path: relativePath,
      format: content.format ?? null,
      width: content.width ?? null,
      height: content.height ?? null,
      createdScanId: content.scanId ?? null,
    });
    if (inserted) return { cacheFile: inserted, stored: true };

    // Another worker stored the same content at the same moment: keep its file, drop ours if it differs.
    const winner = (await this.findBySha256(content.sha256))!;
    if (winner.path !== relativePath) await fs.rm(target, { force: true });
    return { cacheFile: winner, stored: false };
  }

  absolutePath(file: Pick<CacheFile, 'path'>): string {
    return path.join(this.dataDir, file.path);
  }
}
