import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { CacheFileRepository } from '../db/repositories/cache-file-repository.js';
import type { CacheFile, EntityType } from '../db/schema/index.js';
import { createConcurrencyLimit } from '../concurrency/concurrency-limit.js';
import { copyFileAtomically } from './write-if-changed.js';

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

/** Files one putMany copies into the cache at once (each a mkdir, a copy and a rename on libuv's thread pool). */
const COPIES_AT_ONCE = 4;

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
   * put for several contents (a group of titles' artwork): one lookup for all of them, the files the cache
   * does not hold copied in a few at a time, and one insert for their rows. Answers in the order given;
   * bytes given twice are stored once, and only the first of them answers `stored`.
   */
  async putMany(contents: readonly ContentToStore[]): Promise<StoredContent[]> {
    if (contents.length === 0) return [];
    const held = new Map((await this.files.findManyBySha256(contents.map((c) => c.sha256))).map((row) => [row.sha256, row]));
    const fresh = new Map<string, ContentToStore>();
    for (const content of contents) {
      if (!held.has(content.sha256) && !fresh.has(content.sha256)) fresh.set(content.sha256, content);
    }
    const stored = await this.storeAll([...fresh.values()]);
    const answered = new Set<string>();
    return contents.map((content) => {
      const existing = held.get(content.sha256);
      if (existing) return { cacheFile: existing, stored: false };
      const answer = stored.get(content.sha256)!;
      if (answered.has(content.sha256)) return { cacheFile: answer.cacheFile, stored: false };
      answered.add(content.sha256);
      return answer;
    });
  }

  /**
   * Copies in contents the cache did not hold (each once), then inserts their rows in one statement. A
   * content another worker stored in the meantime keeps that worker's row and file; ours is removed if
   * its path differs. A file that cannot be copied fails the call, after the rows of the others are in, so
   * the cache never holds a file without its row.
   */
  private async storeAll(contents: readonly ContentToStore[]): Promise<Map<string, StoredContent>> {
    const answers = new Map<string, StoredContent>();
    if (contents.length === 0) return answers;
    const copies = createConcurrencyLimit(COPIES_AT_ONCE, 'oldest-first');
    const outcomes = await Promise.allSettled(contents.map((content) => copies(() => this.copyIn(content))));
    const copied = contents.flatMap((content, i) => {
      const outcome = outcomes[i]!;
      return outcome.status === 'fulfilled' ? [{ content, relativePath: outcome.value }] : [];
    });
    const inserted = await this.files.insertManyIfNew(
      copied.map(({ content, relativePath }) => ({
        sha256: content.sha256,
        sizeBytes: content.sizeBytes,
        path: relativePath,
        format: content.format ?? null,
        width: content.width ?? null,
        height: content.height ?? null,
        createdScanId: content.scanId ?? null,
      })),
    );
    for (const row of inserted) answers.set(row.sha256, { cacheFile: row, stored: true });
    const lost = copied.filter(({ content }) => !answers.has(content.sha256));
    const winners = new Map((await this.files.findManyBySha256(lost.map(({ content }) => content.sha256))).map((row) => [row.sha256, row]));
    for (const { content, relativePath } of lost) {
      const winner = winners.get(content.sha256);
      // Inserted by another writer and removed again before we read it: nothing to point at; a retry stores it anew.
      if (!winner) throw new Error(`The cache row for ${content.sourcePath} (sha256 ${content.sha256}) vanished while it was stored`);
      if (winner.path !== relativePath) await fs.rm(path.join(this.dataDir, relativePath), { force: true });
      answers.set(content.sha256, { cacheFile: winner, stored: false });
    }
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return answers;
  }

  /** Copies the content's file to its place in the cache; returns that place, relative to the data folder. */
  private async copyIn(content: ContentToStore): Promise<string> {
    const extension = path.extname(content.sourcePath).toLowerCase() || '.bin';
    const relativePath = path.posix.join(
      'cache',
      content.entityType,
      content.entityId,
      `${content.assetType}_${content.sha256}${extension}`,
    );
    await copyFileAtomically(content.sourcePath, path.join(this.dataDir, relativePath));
    return relativePath;
  }

  absolutePath(file: Pick<CacheFile, 'path'>): string {
    return path.join(this.dataDir, file.path);
  }
}
