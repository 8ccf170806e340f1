import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeImage, makeVideo, type VideoSpec } from '../../test/support/media-fixtures.js';
import { jpegWithComment, pngWithText } from './image-variants.js';
import { mapLimited } from './map-limited.js';
import { movieNfoXml, withPlot } from './movie-nfo.js';

export interface GenerateOptions {
  /**
   * Where the shared source files live (videos and artwork that folders hard-link to). Must be on the same
   * file system as `root` and outside it, so discovery never sees it.
   */
  sourceDir: string;
  /** Mixed into every artwork file, so two libraries made in one run never share cached content; random by default. */
  seed?: string;
  /** Folders written at once. */
  concurrency?: number;
}

export interface SyntheticLibrary {
  root: string;
  titles: number;
  /** Title folder names, sorted. */
  folderNames: string[];
  /** Distinct artwork contents in the library: what a first scan puts into an empty content store. */
  distinctArtwork: number;
}

/** A handful of real videos, different enough that probing has real streams to report. */
const VIDEO_SOURCES: readonly VideoSpec[] = [
  { container: 'mkv', audio: [{ language: 'eng', channels: 2 }] },
  { container: 'mp4', audio: [{ language: 'eng' }] },
  { container: 'mkv', audio: [{ language: 'eng' }, { language: 'fre' }], subtitles: [{ language: 'eng' }] },
  { container: 'mkv', width: 320, height: 180 },
];
const POSTER_BASES = [
  { width: 200, height: 300, color: 'navy' },
  { width: 180, height: 270, color: 'maroon' },
] as const;
const FANART_VARIANTS = 3;
const LOGO_VARIANTS = 2;

/**
 * Writes `n` movie folders `Movie 00001 (1990)/` under `root`, each with a real video, a Kodi `movie.nfo`,
 * and `poster.jpg`, `fanart.jpg` and `clearlogo.png`. Videos, fanart and logos are hard links to a few
 * sources; every poster is its own file with its own bytes (a base JPEG plus a unique comment segment),
 * so the scan hashes, measures and caches real, distinct artwork.
 */
export async function generateMovieLibrary(root: string, n: number, opts: GenerateOptions): Promise<SyntheticLibrary> {
  const seed = opts.seed ?? randomUUID();
  const sources = await makeSources(opts.sourceDir, seed);
  await mkdir(root, { recursive: true });
  const folderNames = Array.from({ length: n }, (_, i) => folderName(i + 1));
  await mapLimited(folderNames, opts.concurrency ?? 32, async (name, i) => {
    const index = i + 1;
    const folder = path.join(root, name);
    const video = sources.videos[i % sources.videos.length]!;
    await mkdir(folder);
    await Promise.all([
      link(video, path.join(folder, `${name}${path.extname(video)}`)),
      writeFile(path.join(folder, 'movie.nfo'), movieNfoXml(movieOf(index))),
      writeFile(path.join(folder, 'poster.jpg'), jpegWithComment(sources.posters[i % sources.posters.length]!, `${seed} poster ${index}`)),
      link(sources.fanart[i % sources.fanart.length]!, path.join(folder, 'fanart.jpg')),
      link(sources.logos[i % sources.logos.length]!, path.join(folder, 'clearlogo.png')),
    ]);
  });
  const distinctArtwork = n + Math.min(n, FANART_VARIANTS) + Math.min(n, LOGO_VARIANTS);
  return { root, titles: n, folderNames, distinctArtwork };
}

/**
 * Rewrites the NFO of `fraction` of the title folders (evenly spread, at least one) with a new plot, as an
 * edit in a media manager would; returns the folder names changed.
 */
export async function touchFraction(root: string, fraction: number): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const count = Math.min(names.length, Math.max(1, Math.round(names.length * fraction)));
  const touched = Array.from({ length: count }, (_, k) => names[Math.floor((k * names.length) / count)]!);
  const stamp = new Date().toISOString();
  await mapLimited(touched, 16, async (name) => {
    const nfo = path.join(root, name, 'movie.nfo');
    await writeFile(nfo, withPlot(await readFile(nfo, 'utf8'), `Revised plot of ${name}, ${stamp}.`));
  });
  return touched;
}

function folderName(index: number): string {
  return `Movie ${String(index).padStart(5, '0')} (${yearOf(index)})`;
}

function yearOf(index: number): number {
  return 1990 + ((index - 1) % 30);
}

function movieOf(index: number) {
  return {
    title: `Movie ${String(index).padStart(5, '0')}`,
    year: yearOf(index),
    tmdbId: 100_000 + index,
    plot: `Synthetic title number ${index} of the Reelflow scan benchmark: a quiet story told in one second of test pattern.`,
    actors: [
      { name: `Lead Actor ${index % 500}`, role: 'Lead' },
      { name: `Supporting Actor ${index % 700}`, role: 'Support' },
    ],
  };
}

interface Sources {
  videos: string[];
  posters: Buffer[];
  fanart: string[];
  logos: string[];
}

/** Encodes (once per machine, via the fixture cache) and writes the files every folder shares. */
async function makeSources(sourceDir: string, seed: string): Promise<Sources> {
  await mkdir(sourceDir, { recursive: true });
  const videos = await Promise.all(
    VIDEO_SOURCES.map((spec, i) => makeVideo(path.join(sourceDir, `video-${i}.${spec.container ?? 'mkv'}`), spec)),
  );
  const posters = await Promise.all(
    POSTER_BASES.map(async ({ width, height, color }, i) =>
      readFile(await makeImage(path.join(sourceDir, `poster-base-${i}.jpg`), width, height, color)),
    ),
  );
  const fanartBase = await readFile(await makeImage(path.join(sourceDir, 'fanart-base.jpg'), 320, 180, 'black'));
  const logoBase = await readFile(await makeImage(path.join(sourceDir, 'clearlogo-base.png'), 200, 78, 'white'));
  const fanart = await writeVariants(sourceDir, 'fanart', '.jpg', FANART_VARIANTS, (k) =>
    jpegWithComment(fanartBase, `${seed} fanart ${k}`),
  );
  const logos = await writeVariants(sourceDir, 'clearlogo', '.png', LOGO_VARIANTS, (k) =>
    pngWithText(logoBase, 'Comment', `${seed} clearlogo ${k}`),
  );
  return { videos, posters, fanart, logos };
}

async function writeVariants(dir: string, stem: string, extension: string, count: number, bytes: (k: number) => Buffer): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, k) => {
      const file = path.join(dir, `${stem}-${k}${extension}`);
      await writeFile(file, bytes(k));
      return file;
    }),
  );
}
