import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { GetAnswer } from '../../../api/types';
import type { paths } from '../../../../../src/api/openapi/schema.ts';

export type TitleKind = 'movie' | 'show';
export type MovieDetail = GetAnswer<'/api/movies/{id}'>;
export type ShowDetail = GetAnswer<'/api/shows/{id}'>;
export type TitleDetail = MovieDetail | ShowDetail;
export type LockableField = TitleDetail['lockedFields'][number];
export type ArtworkCandidate = GetAnswer<'/api/movies/{id}/provider-assets'>[number];
export type ArtworkType = NonNullable<NonNullable<paths['/api/movies/{id}/provider-assets']['get']['parameters']['query']>['type']>;

const path = (id: string) => ({ params: { path: { id } } });

export const titleKey = (kind: TitleKind, id: string) => ['title', kind, id] as const;

export function useTitle(kind: TitleKind, id: string) {
  return useQuery({
    queryKey: titleKey(kind, id),
    queryFn: (): Promise<TitleDetail> =>
      kind === 'movie' ? unwrap(api.GET('/api/movies/{id}', path(id))) : unwrap(api.GET('/api/shows/{id}', path(id))),
  });
}

/** The edit as PATCH takes it: new values (each locks its field) or `unlock`. */
export type TitlePatch = { [K in LockableField]?: unknown } & { unlock?: LockableField[] };

export function useEditTitle(kind: TitleKind, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: TitlePatch) => {
      // The values come from the field editors, typed per field there; the API checks each one (400 naming it).
      const body = patch as never;
      return kind === 'movie'
        ? unwrap(api.PATCH('/api/movies/{id}', { ...path(id), body }))
        : unwrap(api.PATCH('/api/shows/{id}', { ...path(id), body }));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: titleKey(kind, id) });
      void client.invalidateQueries({ queryKey: ['titles'] });
    },
  });
}

export function useRefreshTitle(kind: TitleKind, id: string) {
  return useMutation({
    mutationFn: () =>
      kind === 'movie'
        ? unwrap(api.POST('/api/movies/{id}/refresh', { ...path(id), body: {} }))
        : unwrap(api.POST('/api/shows/{id}/refresh', { ...path(id), body: {} })),
  });
}

export function useArtworkCandidates(kind: TitleKind, id: string, type: ArtworkType) {
  return useQuery({
    queryKey: ['title', kind, id, 'artwork', type],
    queryFn: () => {
      const params = { params: { path: { id }, query: { type } } };
      return kind === 'movie'
        ? unwrap(api.GET('/api/movies/{id}/provider-assets', params))
        : unwrap(api.GET('/api/shows/{id}/provider-assets', params));
    },
  });
}

export function useArtworkChoice(kind: TitleKind, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ assetId, choice }: { assetId: string; choice: 'select' | 'reject' | 'clear' }) => {
      const params = { params: { path: { id, assetId } }, body: { choice } };
      return kind === 'movie'
        ? unwrap(api.POST('/api/movies/{id}/provider-assets/{assetId}', params))
        : unwrap(api.POST('/api/shows/{id}/provider-assets/{assetId}', params));
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: titleKey(kind, id) });
      void client.invalidateQueries({ queryKey: ['titles'] });
    },
  });
}

export function useCandidates(kind: TitleKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['title', kind, id, 'candidates'],
    enabled,
    queryFn: () =>
      kind === 'movie' ? unwrap(api.GET('/api/movies/{id}/candidates', path(id))) : unwrap(api.GET('/api/shows/{id}/candidates', path(id))),
  });
}

export function useIdentify(kind: TitleKind, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: { tmdb?: number; imdb?: string; tvdb?: number }) =>
      kind === 'movie'
        ? unwrap(api.POST('/api/movies/{id}/identify', { ...path(id), body: ids }))
        : unwrap(api.POST('/api/shows/{id}/identify', { ...path(id), body: ids })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['title', kind, id] }),
  });
}
