import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPath } from 'react-router';

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
}

/** A page whose chunk `load` fetches, and `lazy` renders once loaded. */
function page(entry: Omit<PageEntry, 'component' | 'load'>, load: () => Promise<{ default: ComponentType }>): PageEntry {
  return { ...entry, component: lazy(load), load };
}

export const pages: PageEntry[] = [
  page({ path: '/', label: 'Activity', end: true }, () => import('../pages/activity/ActivityPage')),
  page(
    { path: '/library', routes: ['/library', '/libraries/:libraryId', '/movies/:titleId', '/shows/:titleId'], label: 'Library' },
    () => import('../pages/library/LibraryPage'),
  ),
  page({ path: '/requests', routes: ['/requests/*'], label: 'Requests' }, () => import('../pages/requests')),
  page({ path: '/calendar', routes: ['/calendar/*'], label: 'Calendar' }, () => import('../pages/calendar')),
  page({ path: '/settings', routes: ['/settings/*'], label: 'Settings' }, () => import('../pages/settings')),
  page({ path: '/system', routes: ['/system/*'], label: 'System' }, () => import('../pages/system')),
];

/**
 * Starts loading the chunk of the page at `pathname` at once, while the session is being checked, instead
 * of after: the first page shows a round trip sooner.
 */
export function preloadPage(pathname: string): void {
  const entry = pages.find((p) => (p.routes ?? [p.path]).some((route) => matchPath(route, pathname)));
  void entry?.load().catch(() => undefined);
}
