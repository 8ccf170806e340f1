import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

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
}

export const pages: PageEntry[] = [
  { path: '/', label: 'Activity', end: true, component: lazy(() => import('../pages/activity/ActivityPage')) },
  {
    path: '/library',
    routes: ['/library', '/libraries/:libraryId', '/movies/:titleId', '/shows/:titleId'],
    label: 'Library',
    component: lazy(() => import('../pages/library/LibraryPage')),
  },
  { path: '/requests', routes: ['/requests/*'], label: 'Requests', component: lazy(() => import('../pages/requests')) },
  { path: '/calendar', routes: ['/calendar/*'], label: 'Calendar', component: lazy(() => import('../pages/calendar')) },
  { path: '/settings', routes: ['/settings/*'], label: 'Settings', component: lazy(() => import('../pages/settings')) },
  { path: '/system', routes: ['/system/*'], label: 'System', component: lazy(() => import('../pages/system')) },
];
