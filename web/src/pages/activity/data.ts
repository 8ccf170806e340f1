import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

// The Activity page's reads, shared by its hooks and by the start-up prefetch (app/pages.ts).

/** What runs now and what waits for a person; kept current by the live events (api/live-events.ts). */
export const activityQuery = queryOptions({ queryKey: ['activity'], queryFn: () => unwrap(api.GET('/api/activity')) });

/** Titles no provider could identify yet: they wait for a person to choose (Library → the title → Identify). */
export const unidentifiedQuery = queryOptions({
  queryKey: ['titles', 'unidentified'],
  queryFn: async () => {
    const query = { status: 'unidentified' as const, pageSize: 20 };
    const [movies, shows] = await Promise.all([
      unwrap(api.GET('/api/movies', { params: { query } })),
      unwrap(api.GET('/api/shows', { params: { query } })),
    ]);
    return {
      total: movies.total + shows.total,
      titles: [
        ...movies.items.map((m) => ({ kind: 'movie' as const, id: m.id, title: m.title, year: m.year, folderPath: m.folderPath })),
        ...shows.items.map((s) => ({ kind: 'show' as const, id: s.id, title: s.title, year: s.year, folderPath: s.folderPath })),
      ],
    };
  },
});

/** How many of the latest history events the page shows. */
export const RECENT_EVENTS = 20;
