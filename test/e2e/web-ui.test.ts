import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeImageHost, type FakeImageHost } from '../fakes/image-host.js';
import { startFakeTmdb, TMDB_FAKE_API_KEY } from '../fakes/tmdb.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { makeVideo } from '../support/media-fixtures.js';
import { authHeaders, createTestApp, createTestClient, createTestDatabase, startTestWorker, TEST_API_KEY } from '../support/integration.js';
import { eventually } from '../support/notifications.js';
import { configureProvider } from '../support/providers.js';
import { tempDir } from '../support/temp-dir.js';
import { launchBrowser, seriousA11yViolations, type TestBrowser } from './support/browser.js';

/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against the real stack: Postgres,
 * Temporal, workers running scans and title pipelines, TMDB and an image CDN as loopback fakes. A person
 * signs in, adds a library and watches its scan, edits and locks a plot, picks a poster, and finds it all
 * in the activity and the history. Every page is checked with axe-core and photographed for docs/ui.md.
 */
const SCREENSHOTS = path.resolve('docs/ui');
const root = tempDir('reelflow-e2e-media-');
const FILLERS = 24;
const taskQueue = `test-${randomUUID()}`;

let app: FastifyInstance;
let base: string;
let browser: TestBrowser;
let context: BrowserContext;
let page: Page;
let tmdb: FakeServer;
let images: FakeImageHost;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('web/dist/index.html'))) throw new Error('The web UI is not built: run `npm run build:web` first.');
  await makeVideo(path.join(root, 'The Matrix (1999)', 'The Matrix (1999).mkv'), { audio: [{ language: 'eng' }] });
  // Home videos no provider knows: they stay unidentified, and make the scan long enough to watch.
  for (let i = 1; i <= FILLERS; i++) {
    const name = `Zq Home Video ${String(i).padStart(2, '0')}`;
    await makeVideo(path.join(root, name, `${name}.mkv`));
  }
  images = await startFakeImageHost();
  tmdb = await startFakeTmdb({ imageBaseUrl: `${images.url}/t/p/` });
  const database = await createTestDatabase();
  const temporal = await createTestClient();
  const worker = await startTestWorker(database.db, taskQueue, undefined, undefined, { titlePipelinesAfterScan: true });
  await configureProvider(database.db, { kind: 'tmdb', baseUrl: tmdb.baseUrl, credentials: { apiKey: TMDB_FAKE_API_KEY } });
  app = await createTestApp({ database, temporal, taskQueue, dataDir: worker.dataDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  context = await browser.newContext({ width: 1280, height: 860 });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([tmdb?.close(), images?.close()]);
});

const api = async (url: string) => (await app.inject({ method: 'GET', url, headers: authHeaders })).json();

/** A link of the main navigation. */
const nav = (target: Page, label: string) =>
  target.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });

/** No serious or critical axe-core violation on the page as shown, and a screenshot of it for the docs. */
async function checkPage(name: string, target: Page = page) {
  const violations = await seriousA11yViolations(target);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  await target.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: name !== 'library-titles' });
}

describe('the web UI in Chromium', () => {
  let libraryUrl: string;
  let matrixId: string;

  it('refuses a wrong key with the API’s message, then signs in with the right one', async () => {
    await page.goto(base);
    await page.getByRole('heading', { name: 'Sign in to Reelflow' }).waitFor();
    await checkPage('sign-in');
    await page.getByLabel('API key').fill('not-the-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Invalid API key');

    await page.getByLabel('API key').fill(TEST_API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Activity' }).waitFor();
    // The session lives in an httpOnly cookie: the page's scripts cannot read it, nor the key anywhere.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).toBe('');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'reelflow_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(JSON.stringify(cookies)).not.toContain(TEST_API_KEY);
  });

  it('adds a library and shows its scan live, the list filling in without a reload', async () => {
    await nav(page, 'Library').click();
    await page.getByRole('heading', { name: 'Add a library' }).waitFor();
    await page.getByLabel('Name').fill('Films');
    await page.getByLabel('Folder').fill(root);
    // Everything the library page shows about the scan, as it shows it.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        seen: string[];
        document: { body: object; querySelector(s: string): { textContent: string } | null };
        MutationObserver: new (cb: () => void) => { observe(node: object, options: object): void };
      };
      g.seen = [];
      new g.MutationObserver(() => {
        const scan = g.document.querySelector('[data-testid="library-scan"]');
        if (scan && g.seen[g.seen.length - 1] !== scan.textContent) g.seen.push(scan.textContent);
      }).observe(g.document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Add and scan' }).click();
    await page.getByRole('heading', { name: 'Films' }).waitFor();
    libraryUrl = page.url();
    expect(libraryUrl).toMatch(/\/libraries\/[0-9a-f-]{36}$/);

    const count = page.locator('.list-count');
    await expect.poll(() => count.textContent(), { timeout: 60_000 }).toBe(`${FILLERS + 1} movies`);
    const seen = await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
    expect(seen.length, 'the scan was shown while it ran').toBeGreaterThan(0);
    expect(seen[0]).toMatch(/^Scanning: \d+ of (\d+|\?) folders$/);
    // When the scan is over its progress goes away by itself.
    await page.locator('[data-testid="library-scan"]').waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('searches and filters the list', async () => {
    await page.getByLabel('Search').fill('matrix');
    await expect.poll(() => page.locator('.title-link').allTextContents()).toEqual(['The Matrix']);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Show').selectOption('unidentified');
    await expect.poll(() => page.locator('.list-count').textContent(), { timeout: 60_000 }).toBe(`${FILLERS} movies`);
    await page.getByLabel('Show').selectOption('');
    await checkPage('library-titles');
  });

  it('opens a title, edits its plot and locks it, then unlocks it with the lock', async () => {
    await page.getByRole('link', { name: 'The Matrix' }).click();
    await page.getByRole('heading', { name: /^The Matrix/ }).waitFor();
    matrixId = page.url().split('/').pop()!;
    const plotRow = page.locator('[data-field="plot"]');
    await plotRow.getByRole('button', { name: 'Edit Plot' }).click();
    await plotRow.getByRole('textbox').fill('A hacker learns what the world is.');
    await plotRow.getByRole('button', { name: 'Save and lock' }).click();
    await plotRow.getByRole('button', { name: /Plot is locked/ }).waitFor();
    await expect.poll(() => page.getByTestId('title-plot').textContent()).toBe('A hacker learns what the world is.');
    const movie = await api(`/api/movies/${matrixId}`);
    expect(movie.plot).toBe('A hacker learns what the world is.');
    expect(movie.lockedFields).toContain('plot');

    // The pipeline that follows keeps a locked plot (TMDB's overview would replace it otherwise).
    await eventually('the pipeline enriched the title', async () => (await api(`/api/movies/${matrixId}`)).ids.tmdb === 603, 60_000);
    expect((await api(`/api/movies/${matrixId}`)).plot).toBe('A hacker learns what the world is.');

    await plotRow.getByRole('button', { name: /Plot is locked/ }).click();
    await plotRow.getByRole('button', { name: /Plot is locked/ }).waitFor({ state: 'detached' });
    expect((await api(`/api/movies/${matrixId}`)).lockedFields).not.toContain('plot');
  });

  it('picks a poster among the candidates', async () => {
    // Enrichment has chosen its posters first (it selects up to phase.enrichment.maxPoster of them).
    type Candidate = { url: string; isSelected: boolean };
    const candidatesOf = async (): Promise<Candidate[]> => api(`/api/movies/${matrixId}/provider-assets?type=poster`);
    await eventually('the posters were selected by enrichment', async () => (await candidatesOf()).some((c) => c.isSelected), 60_000);
    const candidates = page.getByTestId('artwork-candidate');
    await expect.poll(() => candidates.count(), { timeout: 30_000 }).toBe((await candidatesOf()).length);
    // A poster enrichment left aside, or else one it chose, cleared first: either way a person's pick.
    let card = candidates.filter({ has: page.getByRole('button', { name: /^Select / }) }).first();
    if ((await candidates.filter({ has: page.getByRole('button', { name: /^Select / }) }).count()) === 0) {
      card = candidates.last();
      await card.getByRole('button', { name: /^Clear / }).click();
      await card.getByRole('button', { name: /^Select / }).waitFor();
    }
    const picked = (await card.getAttribute('data-url'))!;
    const pickedCard = page.locator(`[data-testid="artwork-candidate"][data-url="${picked}"]`);
    await pickedCard.getByRole('button', { name: /^Select / }).click();
    await pickedCard.getByText('selected', { exact: true }).waitFor();
    expect((await candidatesOf()).find((c) => c.url === picked)?.isSelected).toBe(true);
    // The poster shown at the top is one the title now has selected, loaded by the browser.
    const shown = await page.getByTestId('title-poster').getAttribute('src');
    expect((await candidatesOf()).find((c) => c.url === shown)?.isSelected).toBe(true);
    await expect
      .poll(() => page.getByTestId('title-poster').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await checkPage('title');
  });

  it('shows what happened in the title’s history and on the activity page', async () => {
    await expect.poll(() => page.getByTestId('history').textContent(), { timeout: 30_000 }).toContain('The Matrix');
    await nav(page, 'Activity').click();
    await page.getByRole('heading', { name: 'Recently' }).waitFor();
    await expect.poll(() => page.getByTestId('history').textContent(), { timeout: 30_000 }).toContain('The Matrix');
    // The home videos wait for a person to identify them.
    await page.getByRole('heading', { name: /Unidentified titles/ }).waitFor();
    await checkPage('activity');
  });

  it('lists the libraries, on a desktop and on a phone, in both themes', async () => {
    await nav(page, 'Library').click();
    await page.getByRole('link', { name: 'Films' }).waitFor();
    await checkPage('library');

    const phone = await browser.newContext({ width: 390, height: 844, isMobile: true });
    const phonePage = await phone.newPage();
    await phone.addCookies(await context.cookies());
    await phonePage.goto(base);
    await phonePage.getByRole('heading', { name: 'Activity' }).waitFor();
    // The nav folds into a menu.
    expect(await nav(phonePage, 'Library').isVisible()).toBe(false);
    await phonePage.getByRole('button', { name: /Menu/ }).click();
    expect(await nav(phonePage, 'Library').isVisible()).toBe(true);
    await phonePage.getByRole('button', { name: /Menu/ }).click();
    await checkPage('activity-phone', phonePage);
    await phone.close();

    await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { dataset: { theme?: string } } } }).document.documentElement.dataset
            .theme,
      ),
    ).toBe('dark');
    await checkPage('library-dark');
    await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  });

  it('opens a first page whose code comes after the session without showing the page loading', async () => {
    const cold = await browser.newContext();
    await cold.addCookies(await context.cookies());
    const tab = await cold.newPage();
    // The Activity page's own code arrives well after the session check and its data.
    await tab.route(/\/assets\/ActivityPage-[^/]*\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await tab.addInitScript({
      content: `window.__pageLoadingShown = false;
        new MutationObserver(() => {
          if (document.body?.textContent?.includes('Loading the page')) window.__pageLoadingShown = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });`,
    });
    await tab.goto(base);
    await tab.locator('section[aria-labelledby="running-title"]').waitFor();
    expect(await tab.evaluate(() => (globalThis as unknown as { __pageLoadingShown: boolean }).__pageLoadingShown)).toBe(false);
    await cold.close();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Reelflow' }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'reelflow_session')).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
