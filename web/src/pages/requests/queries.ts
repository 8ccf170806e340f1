import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';

export type Request = GetAnswer<'/api/requests/{id}'>;
export type Item = GetAnswer<'/api/requests/{id}/items'>[number];
export type Release = Item['availableReleases'][number];

/** A request and its counts; under the `requests` root, so every item event refreshes it. */
export const useRequest = (id: string) =>
  useQuery({ queryKey: ['requests', id], queryFn: () => unwrap(api.GET('/api/requests/{id}', { params: { path: { id } } })) });

/** Its items with releases, waits and live step (download %, speed). */
export const useItems = (id: string) =>
  useQuery({
    queryKey: ['requests', id, 'items'],
    queryFn: () => unwrap(api.GET('/api/requests/{id}/items', { params: { path: { id } } })),
  });

export const useQualityProfiles = () =>
  useQuery({ queryKey: ['settings', 'quality-profiles'], queryFn: () => unwrap(api.GET('/api/quality-profiles')) });

export const useDeliveryTargets = () =>
  useQuery({ queryKey: ['settings', 'delivery-targets'], queryFn: () => unwrap(api.GET('/api/delivery-targets')) });

export type ItemAction = 'approve' | 'reject' | 'retry' | 'cancel' | 'search-now';

/** A person's decision on an item: a refusal (409) carries the workflow's reason, shown by the buttons. */
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
    onSettled: () => void client.invalidateQueries({ queryKey: ['requests'] }),
  });
}

/** The actions an item in this state can take; the workflow still decides (a 409 says why not). */
export function actionsFor(item: Item): ItemAction[] {
  const waiting = item.live?.waitingFor;
  if (item.status === 'COMPLETED' || item.status === 'CANCELLED') return [];
  if (item.status === 'FAILED') return ['retry', 'cancel'];
  const actions: ItemAction[] = [];
  if (waiting === 'approval') actions.push('approve', 'reject');
  if (waiting === 'air date' || waiting === 'release' || item.status === 'AWAITING') actions.push('search-now');
  actions.push('cancel');
  return actions;
}
