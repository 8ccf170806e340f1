import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';

// The library pages' reads, shared by their hooks and by the start-up prefetch (app/pages.ts).

export type TitleListOptions = {
  q?: string;
  filter?: 'unidentified' | 'removed' | 'missing-artwork';
  sort: 'title' | 'year' | 'added' | 'updated';
  order: 'asc' | 'desc';
};
export type TitleRow = GetAnswer<'/api/libraries/{id}/titles'>['items'][number];

/** What a library's list shows before the person chooses otherwise. */
export const DEFAULT_TITLE_LIST: TitleListOptions = { sort: 'title', order: 'asc' };

/** Rows are read this many at a time, only the slices the list shows (a 10,000-title library is 50 slices). */
export const SLICE = 200;

export const libraryQuery = (id: string) =>
  queryOptions({ queryKey: ['libraries', id], queryFn: () => unwrap(api.GET('/api/libraries/{id}', { params: { path: { id } } })) });

export const titleSliceQuery = (libraryId: string, options: TitleListOptions, slice: number) =>
  queryOptions({
    queryKey: ['titles', libraryId, options, slice],
    queryFn: () =>
      unwrap(
        api.GET('/api/libraries/{id}/titles', {
          params: { path: { id: libraryId }, query: { ...options, offset: slice * SLICE, limit: SLICE } },
        }),
      ),
  });
