import path from 'node:path';
import type { RssSampler } from '../support/rss-sampler.js';
import { generateMovieLibrary, touchFraction } from '../support/synthetic-library.js';
import { referenceScan } from './reference-scan.js';
import type { ScanEnvironment } from './scan-environment.js';
import { expectReference, expectScan } from './scan-checks.js';

export interface SizeFigures {
  titles: number;
  generateSeconds: number;
  referenceSeconds: number;
  referenceTitlesPerSecond: number;
  initialScanSeconds: number;
  initialTitlesPerSecond: number;
  /** Initial scan throughput over the reference's. */
  ratio: number;
  unchangedRescanSeconds: number;
  changedFolders: number;
  changedRescanSeconds: number;
  /** Process RSS just before the first scan of this size. */
  rssBeforeMb: number;
  /** Peak process RSS during this size's three scans. */
  rssPeakMb: number;
}

const CHANGED_FRACTION = 0.01;
const MB = 1024 * 1024;

/**
 * One library size: generate it, run the reference, then the real scan three times — first scan, unchanged
 * rescan, rescan after 1 % of the folders changed — checking each result. The reference runs first, on a
 * library just written, so both read from a warm page cache.
 */
export async function measureSize(env: ScanEnvironment, rss: RssSampler, workDir: string, titles: number, progress: (line: string) => void): Promise<SizeFigures> {
  const root = path.join(workDir, `library-${titles}`, 'Movies');
  progress(`generating ${titles} titles`);
  const generateStarted = performance.now();
  const library = await generateMovieLibrary(root, titles, { sourceDir: path.join(workDir, `library-${titles}`, 'sources') });
  const generateSeconds = (performance.now() - generateStarted) / 1000;

  progress(`reference scan of ${titles} titles`);
  const reference = await referenceScan(root);
  expectReference(reference, titles);

  const libraryId = await env.createLibrary(`Bench ${titles}`, root);
  rss.reset();
  const rssBefore = rss.peakBytes();
  progress(`initial scan of ${titles} titles`);
  const initial = await env.scan(libraryId);
  expectScan('initial', initial.progress, {
    titlesFound: titles,
    titlesNew: titles,
    directoriesScanned: titles,
    assetsCached: library.distinctArtwork,
    errors: 0,
  });

  progress('unchanged rescan');
  const unchanged = await env.scan(libraryId);
  expectScan('unchanged', unchanged.progress, { titlesFound: titles, directoriesScanned: 0, titlesNew: 0, titlesRemoved: 0, errors: 0 });

  const touched = await touchFraction(root, CHANGED_FRACTION);
  progress(`rescan after changing ${touched.length} NFOs`);
  const changed = await env.scan(libraryId);
  expectScan('changed', changed.progress, {
    titlesFound: titles,
    directoriesScanned: touched.length,
    titlesUpdated: touched.length,
    titlesNew: 0,
    titlesRemoved: 0,
    // Only NFOs changed: no artwork content is new.
    assetsCached: 0,
    errors: 0,
  });

  const initialTitlesPerSecond = titles / initial.seconds;
  return {
    titles,
    generateSeconds,
    referenceSeconds: reference.seconds,
    referenceTitlesPerSecond: reference.titlesPerSecond,
    initialScanSeconds: initial.seconds,
    initialTitlesPerSecond,
    ratio: initialTitlesPerSecond / reference.titlesPerSecond,
    unchangedRescanSeconds: unchanged.seconds,
    changedFolders: touched.length,
    changedRescanSeconds: changed.seconds,
    rssBeforeMb: rssBefore / MB,
    rssPeakMb: rss.peakBytes() / MB,
  };
}
