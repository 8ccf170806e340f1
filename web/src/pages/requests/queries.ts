import { useQuery } from '@tanstack/react-query';
import type { ItemAction } from '../../api/item-actions';
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

export { useItemAction, type ItemAction } from '../../api/item-actions';

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
