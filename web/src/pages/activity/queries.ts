import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** What runs now and what waits for a person; kept current by the live events (api/live-events.ts). */
export const useActivity = () => useQuery({ queryKey: ['activity'], queryFn: () => unwrap(api.GET('/api/activity')) });

/** A request's items with their releases (selected and rejected, with reasons) and live step/speed. */
export const useRequestItems = (requestId: string) =>
  useQuery({
    queryKey: ['requests', requestId, 'items'],
    queryFn: () => unwrap(api.GET('/api/requests/{id}/items', { params: { path: { id: requestId } } })),
  });

/** Titles no provider could identify yet: they wait for a person to choose (Library → the title → Identify). */
export const useUnidentified = () =>
  useQuery({
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

export type ItemAction = 'approve' | 'reject' | 'retry' | 'cancel' | 'search-now';

/** A person's decision on an item; a refusal (409) carries the API's reason, which the card shows. */
export function useItemAction(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ItemAction) => {
      const params = { params: { path: { id: itemId } } };
      switch (action) {
        case 'approve':
          return unwrap(api.POST('/api/items/{id}/approve', params));
        case 'reject':
          return unwrap(api.POST('/api/items/{id}/reject', { ...params, body: {} }));
        case 'retry':
          return unwrap(api.POST('/api/items/{id}/retry', params));
        case 'cancel':
          return unwrap(api.POST('/api/items/{id}/cancel', params));
        case 'search-now':
          return unwrap(api.POST('/api/items/{id}/search-now', params));
      }
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['activity'] });
      void client.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}
