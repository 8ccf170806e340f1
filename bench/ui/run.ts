import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { Client, Connection } from '@temporalio/client';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from '../../src/api/app.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { movies } from '../../src/db/schema/index.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { CredentialsCipher } from '../../src/security/credentials-cipher.js';
import { launchBrowser } from '../../test/e2e/support/browser.js';
import { acquireTestPostgres } from '../../test/support/test-postgres.js';
import { createBenchDatabase } from '../support/bench-database.js';
import { CleanupStack } from '../support/cleanup-stack.js';
import { describeMachine, loadAverage1m } from '../support/machine.js';

/**
 * `npm run bench:ui [-- --quick]`: the web UI in headless Chromium (Debian's, through playwright-core),
 * served by the API with a 10,000-title library. Time to interactive of the Activity page and of the
 * library's title list (navigation start → the page shows its data and the main thread is idle), each from a
 * cold browser cache; how smoothly the 10,000-title list scrolls (frame times while scrolling it end to
 * end at a steady speed, its slices loading on the way); and the JS the first page loads, gzipped.
 * The reference, in the same run, is a fresh context opening one small document (GET /api/session) from the same
 * server: the floor that browser start-up and the machine's load put under every figure.
 * Targets: TTI ≤ 1,000 ms for both pages, first-page JS ≤ 250 KB gzip.
 */
const quick = process.argv.includes('--quick');
const TITLES = 10_000;
const LOADS = quick ? 5 : 15;
/** Pixels scrolled per animation frame: about 3,000 rows a second, far faster than a person scrolls. */
const SCROLL_STEP = 1_000;
const SCROLL_FRAMES = quick ? 240 : 600;
/** How long the page may take to scroll them (about 12 s at 20 ms a frame), and to reach its first idle moment. */
const SCROLL_ANSWER_MS = 60_000;
const IDLE_ANSWER_MS = 30_000;
const API_KEY = randomBytes(24).toString('hex');
const WEB_ROOT = path.resolve('web/dist');

const cleanup = new CleanupStack();
process.once('SIGINT', () => void cleanup.run().then(() => process.exit(130)));

async function main() {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error('The web UI is not built: run `npm run build:web` first.');
  const machine = describeMachine();
  const loadAtStart = loadAverage1m();
  const pg = await acquireTestPostgres();
  if (pg.embedded) cleanup.push('embedded Postgres', () => pg.embedded!.stop());
  const { sql, db } = await createBenchDatabase(pg.adminUrl, `reelflow_bench_ui_${process.pid}`, cleanup);
  cleanup.push('pool', () => sql.end({ timeout: 5 }));

  const library = await new LibraryRepository(db).create({ name: 'Films', kind: 'movie', rootPath: '/bench/films' });
  for (let start = 0; start < TITLES; start += 1_000) {
    await db.insert(movies).values(
      Array.from({ length: 1_000 }, (_, k) => {
        const n = start + k;
        return {
          libraryId: library.id,
          title: `Film ${String(n).padStart(5, '0')}`,
          year: 1950 + (n % 75),
          folderPath: `/bench/films/film-${n}`,
          folderKey: `film-${n}`,
          identificationStatus: n % 20 === 0 ? ('unidentified' as const) : ('identified' as const),
          identificationSource: 'nfo' as const,
        };
      }),
    );
  }
  progress(`seeded ${TITLES} titles`);

  // The pages read the API only; nothing they load dials Temporal.
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await build(
    {
      config: { taskQueue: 'bench-ui', mediaRoots: [] },
      apiKey: API_KEY,
      db,
      sql,
      temporal,
      credentialsCipher: new CredentialsCipher(randomBytes(32)),
      webRoot: WEB_ROOT,
    },
    { level: 'fatal' },
  );
  cleanup.push('API', () => app.close());
  const port = await findFreePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiKey: API_KEY }),
  });
  const token = /reelflow_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`sign-in failed: ${signIn.status}`);

  const browser = await launchBrowser();
  cleanup.push('browser', () => browser.close());
  /** A fresh context (cold cache), signed in. */
  const signedIn = async (): Promise<BrowserContext> => {
    const context = await browser.newContext({ width: 1280, height: 860 });
    await context.addCookies([
      { name: 'reelflow_session', value: token, domain: '127.0.0.1', path: '/api', httpOnly: true, sameSite: 'Strict' },
    ]);
    return context;
  };

  // JS of the first page: every script the Activity page loads on a cold start, gzipped as a server would.
  const firstPage = await signedIn();
  const scripts = new Map<string, number>();
  const page = await firstPage.newPage();
  page.on('response', (response) => {
    if (response.url().endsWith('.js'))
      void response
        .body()
        .then((body) => scripts.set(path.basename(new URL(response.url()).pathname), gzipSync(body, { level: 9 }).length));
  });
  await loadUntilInteractive(page, `${base}/`, activityShown);
  if (process.argv.includes('--timeline')) {
    const entries = await page.evaluate(
      `performance.getEntries().map((e) => [e.name.replace(location.origin, ''), Math.round(e.startTime), Math.round(e.duration)])`,
    );
    progress(JSON.stringify(entries));
  }
  await firstPage.close();
  const firstPageJsGzipKb = round([...scripts.values()].reduce((a, b) => a + b, 0) / 1024);
  progress(`first page JS: ${firstPageJsGzipKb} KB gzip in ${scripts.size} files (${[...scripts.keys()].join(', ')})`);

  const activityTti: number[] = [];
  const libraryTti: number[] = [];
  // The floor on this machine as loaded now: a fresh context opening one small document from the same server.
  const referenceTti: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    for (const [url, ready, into] of [
      [`${base}/`, activityShown, activityTti],
      [`${base}/libraries/${library.id}`, libraryShown, libraryTti],
      [`${base}/api/session`, 'body', referenceTti],
    ] as const) {
      const context = await signedIn();
      into.push(await loadUntilInteractive(await context.newPage(), url, ready));
      await context.close();
    }
  }
  progress(
    `TTI: activity p50 ${percentile(activityTti, 50)} ms, library (10,000 titles) p50 ${percentile(libraryTti, 50)} ms; reference (one small document) p50 ${percentile(referenceTti, 50)} ms`,
  );

  const scrollContext = await signedIn();
  const scrollPage = await scrollContext.newPage();
  await loadUntilInteractive(scrollPage, `${base}/libraries/${library.id}`, libraryShown);
  // A string, not a function: the page runs it as written (tsx would add helpers to a function's source).
  const frames = (await answerWithin(
    SCROLL_ANSWER_MS,
    'the scroll',
    scrollPage.evaluate(`new Promise((resolve) => {
    const times = [];
    let last = 0;
    const frame = (t) => {
      if (last) times.push(t - last);
      last = t;
      if (times.length >= ${SCROLL_FRAMES}) return resolve(times);
      window.scrollBy(0, ${SCROLL_STEP});
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`),
  )) as number[];
  // Where the scroll ended, the rows shown are real titles (their slices loaded), not placeholders.
  await scrollPage.waitForFunction(() => {
    const d = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
    return d.querySelectorAll('.title-link').length > 10;
  });
  const scrolledRows = Math.round((SCROLL_STEP * SCROLL_FRAMES) / 48);
  await scrollContext.close();
  const framesOver50 = frames.filter((f) => f > 50).length;
  progress(
    `scroll: ${frames.length} frames over ~${scrolledRows} rows, average ${round(average(frames))} ms, p99 ${percentile(frames, 99)} ms, ${framesOver50} over 50 ms`,
  );

  const figures = {
    benchmark: 'ui',
    quick,
    machine,
    loadAverage1m: { start: loadAtStart, end: loadAverage1m() },
    titles: TITLES,
    loads: LOADS,
    activityTtiP50Ms: percentile(activityTti, 50),
    activityTtiP90Ms: percentile(activityTti, 90),
    libraryTtiP50Ms: percentile(libraryTti, 50),
    libraryTtiP90Ms: percentile(libraryTti, 90),
    referenceDocumentTtiP50Ms: percentile(referenceTti, 50),
    scrollFrames: frames.length,
    scrollAverageFrameMs: round(average(frames)),
    scrollP99FrameMs: percentile(frames, 99),
    scrollFramesOver50Ms: framesOver50,
    firstPageJsGzipKb,
    targets: { ttiMs: 1_000, firstPageJsGzipKb: 250 },
  };
  const meetsTargets = figures.activityTtiP50Ms <= 1_000 && figures.libraryTtiP50Ms <= 1_000 && firstPageJsGzipKb <= 250;
  console.log(JSON.stringify({ ...figures, meetsTargets }));
}

const activityShown = 'section[aria-labelledby="running-title"]';
const libraryShown = '.title-link';

/**
 * Milliseconds from the navigation's start until the page shows `selector` (drawn from API data) and the
 * main thread is next idle: when a person could use it.
 */
async function loadUntilInteractive(page: Page, url: string, selector: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 30_000 });
  return round(
    await answerWithin(
      IDLE_ANSWER_MS,
      `the first idle moment of ${url}`,
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const g = globalThis as unknown as { requestIdleCallback(cb: () => void): void; performance: { now(): number } };
            g.requestIdleCallback(() => resolve(g.performance.now()));
          }),
      ),
    ),
  );
}

/**
 * `work` (a wait inside the page, which Playwright's evaluate never times out), or a failure naming `step`
 * once `ms` have passed: a page that stops answering ends the run with a reason rather than holding it
 * (one run waited over ten minutes in the scroll or the idle wait before it, never explained).
 */
function answerWithin<T>(ms: number, step: string, work: Promise<T>): Promise<T> {
  const late = sleep(ms, undefined, { ref: false }).then(() => {
    throw new Error(`${step}: the page did not answer in ${ms / 1000} s`);
  });
  return Promise.race([work, late]);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (n: number) => Math.round(n * 10) / 10;
const progress = (line: string) => console.error(line);

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
