import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags for a headless Chromium that talks to nothing but the app under test. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); playwright-core drives it, downloading nothing. */
export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: run `bash scripts/ensure-chromium.sh` (npm test runs it).');
  }
}

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (no cookies, no storage) at the given viewport. */
  newContext(options?: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; isMobile?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** A headless Chromium; launch() gives it a fresh temporary profile, and each context starts empty. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    newContext: ({ width = 1280, height = 800, colorScheme = 'light', isMobile = false } = {}) =>
      browser.newContext({ viewport: { width, height }, colorScheme, isMobile, hasTouch: isMobile, deviceScaleFactor: 1 }),
    close: () => browser.close(),
  };
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules and best practices). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // The callbacks run in the page, typed here without the DOM's types (this file runs in Node).
  type PageGlobals = { axe?: { run: (context: unknown, options: object) => Promise<{ violations: AxeViolation[] }> }; document: unknown };
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as PageGlobals;
    const result = await axe!.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
