import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { SLICE, titleSliceQuery, type TitleListOptions, type TitleRow } from './data';

export type { TitleListOptions, TitleRow };

/**
 * A library's titles for a virtual list: the total from the first slice, then the slices covering the rows
 * on screen (`visible`: first and last index). `row(i)` is undefined while its slice loads.
 */
export function useTitleSlices(libraryId: string, options: TitleListOptions, visible: [number, number]) {
  const first = useQuery({ ...titleSliceQuery(libraryId, options, 0), placeholderData: keepPreviousData });
  const from = Math.floor(visible[0] / SLICE);
  const to = Math.floor(visible[1] / SLICE);
  const wanted: number[] = [];
  for (let slice = Math.max(1, from); slice <= to; slice++) wanted.push(slice);
  const others = useQueries({ queries: wanted.map((slice) => titleSliceQuery(libraryId, options, slice)) });
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
