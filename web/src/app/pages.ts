import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType, LazyExoticComponent } from 'react';
import { matchPath } from 'react-router';
import { historyQuery } from '../history/history-query';
import { lazyPage, type PageModule } from './lazy-page';
import { activityQuery, RECENT_EVENTS, unidentifiedQuery } from '../pages/activity/data';
import { DEFAULT_TITLE_LIST, libraryQuery, titleSliceQuery } from '../pages/library/data';

/**
 * Every page of the UI, in nav order: its route(s), its nav label, and its component, loaded when first
 * visited (each page is its own chunk, so the first page's JS stays small). To add a page, add an entry
 * here; see web/README.md.
 */
export interface PageEntry {
  /** The nav entry's target; also the route, unless `routes` lists more. */
  path: string;
  /** Routes this page answers (react-router patterns), when more than `path`. */
  routes?: string[];
  label: string;
  /** Whether the nav entry is highlighted for `path` only (not for paths below it). */
  end?: boolean;
  component: LazyExoticComponent<ComponentType>;
  /** Loads the component's chunk (the same promise `component` waits for). */
  load: () => Promise<unknown>;
  /** Asks for the data the page shows first, given the route's params (optional). */
  prefetch?: (client: QueryClient, params: Record<string, string | undefined>) => void;
}

/** A page whose chunk `load` fetches, rendered once loaded (see lazyPage). */
function page(entry: Omit<PageEntry, 'component' | 'load'>, importChunk: () => Promise<PageModule>): PageEntry {
  return { ...entry, ...lazyPage(importChunk) };
}

export const pages: PageEntry[] = [
  page(
    {
      path: '/',
      label: 'Activity',
      end: true,
      prefetch: (client) => {
        void client.prefetchQuery(activityQuery);
        void client.prefetchQuery(unidentifiedQuery);
        void client.prefetchQuery(historyQuery({ limit: RECENT_EVENTS }));
      },
    },
    () => import('../pages/activity/ActivityPage'),
  ),
  page(
    {
      path: '/library',
      routes: ['/library', '/libraries/:libraryId', '/movies/:titleId', '/shows/:titleId'],
      label: 'Library',
      prefetch: (client, { libraryId }) => {
        if (!libraryId) return;
        void client.prefetchQuery(libraryQuery(libraryId));
        void client.prefetchQuery(titleSliceQuery(libraryId, DEFAULT_TITLE_LIST, 0));
      },
    },
    () => import('../pages/library/LibraryPage'),
  ),
  page({ path: '/requests', routes: ['/requests/*'], label: 'Requests' }, () => import('../pages/requests')),
  page({ path: '/calendar', routes: ['/calendar/*'], label: 'Calendar' }, () => import('../pages/calendar')),
  page({ path: '/settings', routes: ['/settings/*'], label: 'Settings' }, () => import('../pages/settings')),
  page({ path: '/system', routes: ['/system/*'], label: 'System' }, () => import('../pages/system')),
];

/**
 * Starts loading the chunk of the page at `pathname`, and its first data, at once, while the session is
 * being checked, instead of one after the other: the first page shows two round trips sooner. Signed out,
 * the data requests are refused (401) and the sign-in form shows as it would have. Answers the chunk's
 * loading, settled either way (undefined when no page is at `pathname`).
 */
export function preloadPage(pathname: string, client: QueryClient): Promise<void> | undefined {
  for (const entry of pages) {
    for (const route of entry.routes ?? [entry.path]) {
      const match = matchPath(route, pathname);
      if (!match) continue;
      const chunk = entry.load().then(
        () => undefined,
        () => undefined,
      );
      entry.prefetch?.(client, match.params);
      return chunk;
    }
  }
  return undefined;
}
