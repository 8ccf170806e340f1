import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';

export type TitleListOptions = {
  q?: string;
  filter?: 'unidentified' | 'removed' | 'missing-artwork';
  sort: 'title' | 'year' | 'added' | 'updated';
  order: 'asc' | 'desc';
};
export type TitleRow = GetAnswer<'/api/libraries/{id}/titles'>['items'][number];

/** Rows are read this many at a time, only the slices the list shows (a 10,000-title library is 50 slices). */
export const SLICE = 200;

const fetchSlice = (libraryId: string, options: TitleListOptions, slice: number) =>
  unwrap(
    api.GET('/api/libraries/{id}/titles', {
      params: { path: { id: libraryId }, query: { ...options, offset: slice * SLICE, limit: SLICE } },
    }),
  );

/**
 * A library's titles for a virtual list: the total from the first slice, then the slices covering the rows
 * on screen (`visible`: first and last index). `row(i)` is undefined while its slice loads.
 */
export function useTitleSlices(libraryId: string, options: TitleListOptions, visible: [number, number]) {
  const key = ['titles', libraryId, options] as const;
  const first = useQuery({ queryKey: [...key, 0], queryFn: () => fetchSlice(libraryId, options, 0), placeholderData: keepPreviousData });
  const from = Math.floor(visible[0] / SLICE);
  const to = Math.floor(visible[1] / SLICE);
  const wanted: number[] = [];
  for (let slice = Math.max(1, from); slice <= to; slice++) wanted.push(slice);
  const others = useQueries({
    queries: wanted.map((slice) => ({ queryKey: [...key, slice], queryFn: () => fetchSlice(libraryId, options, slice) })),
  });
  const slices = new Map<number, TitleRow[]>();
  if (first.data) slices.set(0, first.data.items);
  wanted.forEach((slice, i) => {
    const data = others[i]?.data;
    if (data) slices.set(slice, data.items);
  });
  return {
    total: first.data?.total,
    kind: first.data?.kind,
    isPending: first.isPending,
    error: first.error,
    row: (index: number): TitleRow | undefined => slices.get(Math.floor(index / SLICE))?.[index % SLICE],
  };
}
