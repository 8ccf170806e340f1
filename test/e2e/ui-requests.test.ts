import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { authHeaders, TEST_API_KEY } from '../support/integration.js';
import {
  createProfile,
  createTarget,
  startRequestPipelineEnvironment,
  type RequestPipelineEnvironment,
} from '../support/request-pipeline.js';
import { tempDir } from '../support/temp-dir.js';
import { launchBrowser, seriousA11yViolations, type TestBrowser } from './support/browser.js';

/**
 * The Requests, Calendar, Settings and System pages in a real Chromium against the real stack: a movie is
 * found through the provider search, requested with approval, approved on its request page as it waits,
 * and seen through to the end; every page passes axe-core and leaves a screenshot in docs/ui/.
 */
const SHOTS = path.resolve('docs/ui');
const SETTINGS = [
  'libraries',
  'providers',
  'indexers',
  'notifications',
  'quality-profiles',
  'delivery-targets',
  'iptv',
  'schedules',
  'phases',
];

let env: RequestPipelineEnvironment;
let browser: TestBrowser;
let context: BrowserContext;
let page: Page;
let base: string;
let requestPath: string;
let profileId: string;

beforeAll(async () => {
  env = await startRequestPipelineEnvironment({ encodeSlots: 1 });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  const libraryRoot = tempDir('reelflow-ui-movies-');
  const library = await new LibraryRepository(env.database.db).create({ name: 'Movies', kind: 'movie', rootPath: libraryRoot });
  profileId = await createProfile(env.app, { name: 'HD' });
  await createTarget(env.app, libraryRoot, library.id);
  await env.publishRelease({
    title: 'The.Matrix.1999.1080p.BluRay.x264-AAA',
    files: ['The.Matrix.1999.1080p.BluRay.x264-AAA.mkv'],
    video: { seconds: 2, width: 320, height: 180, audio: [{ language: 'eng' }] },
    seeders: 10,
    tmdbId: 603,
    imdbId: 'tt0133093',
  });
  // A second, lesser release: the one a person chooses instead in the second test.
  await env.publishRelease({
    title: 'The.Matrix.1999.720p.WEB-DL.x264-BBB',
    files: ['The.Matrix.1999.720p.WEB-DL.x264-BBB.mkv'],
    video: { seconds: 2, width: 320, height: 180, audio: [{ language: 'eng' }] },
    seeders: 3,
    tmdbId: 603,
    imdbId: 'tt0133093',
  });
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(base);
  await page.getByLabel('API key').fill(TEST_API_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function checkAndShoot(name: string) {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the request pages in a browser', () => {
  it('searches, requests with approval, approves the waiting release and sees it through', async () => {
    // From a page of its own, not the one that has just signed in: there, in about half of the CI runs
    // from a fresh clone, the first search showed nothing at all (not reproduced alone or under load).
    await page.goto(`${base}/requests`);
    await page.getByRole('link', { name: 'New request' }).click();
    await page.getByLabel('Title').fill('Matrix');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Choose The Matrix', exact: true }).click();
    await page.getByRole('checkbox', { name: /target-/ }).check();
    await page.getByLabel(/approves each selected release/).check();
    await checkAndShoot('requests-new');

    await page.getByRole('button', { name: 'Request The Matrix' }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestId = page.url().split('/').pop()!;
    requestPath = `/requests/${requestId}`;
    expect(await env.requests.get(requestId)).toMatchObject({ type: 'movie', tmdbId: 603, requireApproval: true });

    // The page shows the wait as the workflow reports it, without a reload.
    const item = page.getByTestId('request-item');
    await item.getByText('Waits for your approval').waitFor({ timeout: 45_000 });
    await item.getByText('The.Matrix.1999.1080p.BluRay.x264-AAA').first().waitFor();
    await checkAndShoot('request-waiting');

    // Each run links to the Temporal Web UI: the request's workflow and the item's.
    const requestRun = await page.getByRole('link', { name: /^Temporal ↗ \(the run of The Matrix \(1999\)/ }).getAttribute('href');
    expect(requestRun).toContain(`/workflows/${encodeURIComponent(`request/${requestId}`)}`);
    expect(await item.getByRole('link', { name: /^Temporal ↗/ }).getAttribute('href')).toMatch(/\/workflows\/item%2F[0-9a-f-]{36}$/);

    await item.getByRole('button', { name: /^Approve:/ }).click();
    const [row] = await env.waitForItems(requestId, ([i]) => i?.status !== 'FOUND', 20_000);
    expect(row!.status).not.toBe('FOUND');
    // Live: the item moves on and ends delivered, the page following by itself.
    await item.getByText('COMPLETED', { exact: true }).waitFor({ timeout: 90_000 });
    await item.getByText('Delivered to').waitFor();
    await page
      .getByTestId('request-history')
      .getByText(/approved/i)
      .first()
      .waitFor();
    await checkAndShoot('request');

    await page.getByRole('link', { name: '← Requests' }).click();
    await page.getByTestId('request-list').getByRole('link', { name: 'The Matrix (1999)', exact: true }).waitFor();
    await checkAndShoot('requests');
  }, 180_000);

  it('chooses another release instead as the item waits for approval', async () => {
    const targetId = await createTarget(env.app, tempDir('reelflow-ui-elsewhere-'));
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: authHeaders,
      payload: {
        type: 'movie',
        tmdbId: 603,
        imdbId: 'tt0133093',
        qualityProfileId: profileId,
        targetIds: [targetId],
        requireApproval: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const requestId: string = created.json().id;
    await page.goto(`${base}/requests/${requestId}`);
    const item = page.getByTestId('request-item');
    await item.getByText('Waits for your approval').waitFor({ timeout: 45_000 });
    await item.getByRole('button', { name: 'Show the other release' }).click();
    await item.getByRole('button', { name: 'Use this: The.Matrix.1999.720p.WEB-DL.x264-BBB' }).click();

    const [row] = await env.waitForItems(requestId, ([i]) => i?.status !== 'FOUND', 20_000);
    expect(row!.selectedRelease?.title).toBe('The.Matrix.1999.720p.WEB-DL.x264-BBB');
    await item.getByText('COMPLETED', { exact: true }).waitFor({ timeout: 90_000 });
    expect(await item.getByText('The.Matrix.1999.720p.WEB-DL.x264-BBB').count()).toBe(1);
    await page.getByTestId('request-history').getByText(/720p/).first().waitFor();
  }, 150_000);

  it('searches its own server while the browser believes it is offline', async () => {
    // A LAN without internet, or a network change the browser noticed: its 'offline' event must not stall
    // the UI, which talks only to the Reelflow server.
    const offline = await context.newPage();
    try {
      await offline.goto(`${base}/requests/new`);
      await offline.getByLabel('Title').fill('Matrix');
      await offline.evaluate("dispatchEvent(new Event('offline'))");
      await offline.getByRole('button', { name: 'Search' }).click();
      await offline.getByRole('button', { name: 'Choose The Matrix', exact: true }).waitFor({ timeout: 30_000 });
    } finally {
      await offline.close();
    }
  });

  it("offers a show's seasons as the provider lists them, and names what the API refuses", async () => {
    await page.goto(`${base}/requests/new`);
    await page.getByLabel('TV show').check();
    await page.getByLabel('Title').fill('Breaking Bad');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Choose Breaking Bad', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Season 1', exact: true }).waitFor({ timeout: 30_000 });
    // Neither a season nor an episode: the API's message appears under the seasons.
    await page
      .getByRole('checkbox', { name: /target-/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Request Breaking Bad' }).click();
    await page
      .getByRole('group', { name: 'Seasons' })
      .getByRole('alert')
      .filter({ hasText: 'a TV request needs seasons or episodes' })
      .waitFor();
    expect(page.url()).toMatch(/\/requests\/new$/);
  });

  it('shows a 400 next to the field it names', async () => {
    await page.goto(`${base}/settings/indexers`);
    await page.getByRole('button', { name: 'Add indexer' }).click();
    const form = page.getByRole('form', { name: 'New indexer' });
    await form.getByLabel('Name').fill('Broken');
    await form.getByLabel('Torznab URL').fill('http://127.0.0.1:1/api');
    await form.getByLabel('Priority (1–50)').fill('99');
    await form.getByRole('button', { name: 'Add indexer' }).click();
    const priority = form.getByLabel('Priority (1–50)');
    await form.locator('.field-error').first().waitFor();
    expect(await priority.getAttribute('aria-invalid')).toBe('true');
    // The message is the API's own, shown under the field it names (body.priority), not above the form.
    const errorId = (await priority.getAttribute('aria-describedby'))!.split(' ')[0]!;
    expect(await form.locator(`[id="${errorId}"]`).textContent()).toMatch(/50/);
    expect(await form.getByRole('alert').count()).toBe(1);
  });

  it('every Settings section, the Calendar and System pass axe-core', async () => {
    for (const section of SETTINGS) {
      await page.goto(`${base}/settings/${section}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // Open forms are checked too: a library's (with its path mappings and scan schedule), Kodi's.
      if (section === 'libraries') {
        await page.getByRole('button', { name: 'Edit Movies' }).click();
        await page.getByRole('button', { name: 'Scan Movies now' }).click();
        await page.getByText('Scan started.').waitFor();
      }
      if (section === 'notifications') await page.getByRole('button', { name: 'Configure Kodi' }).click();
      if (section === 'schedules')
        await page
          .getByRole('button', { name: /^Change timing/ })
          .first()
          .click();
      await page.waitForLoadState('networkidle');
      await checkAndShoot(`settings-${section}`);
    }
    // The requested movie on its release date (the provider's, recorded when the request was planned).
    await page.goto(`${base}/calendar?month=1999-03`);
    await page.getByRole('table').getByRole('link', { name: 'The Matrix' }).first().waitFor();
    await checkAndShoot('calendar');
    await page.getByRole('button', { name: 'Agenda' }).click();
    await page.getByTestId('agenda').waitFor();
    await checkAndShoot('calendar-agenda');
    await page.goto(`${base}/system`);
    await page.getByTestId('health').waitFor();
    expect(await page.getByTestId('health').textContent()).toMatch(/Postgres\s*ok.*Temporal\s*ok/s);
    // The scan started from Settings → Libraries, with its Temporal run and its issues on demand.
    const scan = page.getByTestId('scans').getByRole('listitem').filter({ hasText: 'Movies' }).first();
    await scan.waitFor();
    expect(await scan.getByRole('link', { name: /^Temporal ↗/ }).getAttribute('href')).toMatch(/\/workflows\/scan%2F/);
    await scan.getByRole('button', { name: /^Issues/ }).click();
    await page.waitForLoadState('networkidle');
    await checkAndShoot('system');
  }, 120_000);

  it('a phone in the dark theme: the request, the calendar and a settings form pass axe-core', async () => {
    const phone = await browser.newContext({ width: 390, height: 844, colorScheme: 'dark', isMobile: true });
    const small = await phone.newPage();
    await small.goto(base);
    await small.getByLabel('API key').fill(TEST_API_KEY);
    await small.getByRole('button', { name: 'Sign in' }).click();
    await small.getByRole('button', { name: /Menu/ }).waitFor();
    const visits: [string, string, () => Promise<unknown>][] = [
      ['request-phone-dark', requestPath, () => small.getByTestId('request-item').waitFor()],
      [
        'calendar-phone-dark',
        '/calendar?view=agenda&month=1999-03',
        () => small.getByTestId('agenda').getByText('The Matrix').first().waitFor(),
      ],
      ['settings-indexers-phone-dark', '/settings/indexers', () => small.getByRole('button', { name: 'Add indexer' }).click()],
    ];
    for (const [name, address, ready] of visits) {
      await small.goto(`${base}${address}`);
      await ready();
      expect(await seriousA11yViolations(small), `axe on ${name}`).toEqual([]);
      await small.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    }
    await phone.close();
  }, 60_000);
});
