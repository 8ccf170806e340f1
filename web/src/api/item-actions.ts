import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';

export type ItemAction = 'approve' | 'reject' | 'retry' | 'cancel' | 'search-now';

/**
 * A person's decision on an item, from the Activity inbox or a request's page; a refusal (409) carries the
 * workflow's reason, which the buttons show. Both pages' data is refreshed after it.
 */
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
