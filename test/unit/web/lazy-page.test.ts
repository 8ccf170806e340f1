import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from '../../../web/src/app/lazy-page.js';

/** What a page's chunk exports: its component. */
const chunk = async () => ({ default: () => createElement('p', null, 'the page') });

/** The page inside a Suspense boundary, as the layout renders it, drawn once (no waiting for anything). */
const render = (component: ReturnType<typeof lazyPage>['component']) =>
  renderToString(createElement(Suspense, { fallback: createElement('p', null, 'loading') }, createElement(component)));

describe('lazyPage', () => {
  it('renders a page whose chunk has loaded at once, without the fallback', async () => {
    const page = lazyPage(chunk);
    await page.load();
    const html = render(page.component);
    expect(html).toContain('the page');
    expect(html).not.toContain('loading');
  });

  it('shows the fallback while the chunk is still to load', () => {
    const page = lazyPage(chunk);
    const html = render(page.component);
    expect(html).toContain('loading');
    expect(html).not.toContain('the page');
  });
});
