import type { paths } from '../api/openapi/schema.js';
import type { CliContext } from './context.js';
import { openEventStream } from './event-stream.js';
import { readLatest } from './latest-state.js';
import { progressBoard, type ProgressLine } from './progress.js';

export type RequestRecord = paths['/api/requests/{id}']['get']['responses'][200]['content']['application/json'];
export type Item = paths['/api/requests/{id}/items']['get']['responses'][200]['content']['application/json'][number];

/** Where an item stops moving by itself: done, given up (waiting for a retry or a cancel), or cancelled. */
export const FINAL_ITEM_STATUSES: readonly string[] = ['COMPLETED', 'FAILED', 'CANCELLED'];
const FINAL_REQUEST_STATUSES: readonly string[] = ['COMPLETED', 'PARTIAL', 'FAILED', 'CANCELLED'];

/** How people name an item: the movie, or the show's episode. */
export const itemName = (item: Item, request: RequestRecord): string =>
  request.type === 'tv'
    ? `S${pad(item.seasonNumber)}E${pad(item.episodeNumber)}${item.title ? ` ${item.title}` : ''}`
    : requestTitle(request);

export const requestTitle = (r: RequestRecord): string => {
  const title = r.title ?? r.imdbId ?? `tmdb ${r.tmdbId ?? '?'}`;
  return r.year ? `${title} (${r.year})` : title;
};
const pad = (n: number) => String(n).padStart(2, '0');

interface Shown {
  line: ProgressLine | undefined;
  status: string;
  step: string | null;
  percent: number;
}

/**
 * Shows each item of a request with its status and its download or encode percent until every item has
 * reached a final status (or the request has ended), then returns the request and its items as they ended.
 * Progress events update the percent; a status change, or an item not seen yet, has the request and its
 * items read again, which also tells when the watch ends.
 */
export async function watchRequest(ctx: CliContext, requestId: string): Promise<{ request: RequestRecord; items: Item[] }> {
  const board = ctx.json ? undefined : progressBoard();
  const shown = new Map<string, Shown>();
  const draw = (s: Shown) =>
    s.line?.update(s.percent, 100, s.step && !FINAL_ITEM_STATUSES.includes(s.status) ? `${s.status} (${s.step})` : s.status);

  let finish!: (state: { request: RequestRecord; items: Item[] }) => void;
  let fail!: (error: unknown) => void;
  const ended = new Promise<{ request: RequestRecord; items: Item[] }>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const reload = readLatest(async () => {
    const path = { id: requestId };
    const [request, items] = await Promise.all([
      ctx.answer(ctx.api.GET('/api/requests/{id}', { params: { path } })),
      ctx.answer(ctx.api.GET('/api/requests/{id}/items', { params: { path } })),
    ]);
    for (const item of items) {
      let s = shown.get(item.id);
      if (!s) {
        s = { line: board?.line(itemName(item, request), '%'), status: item.status, step: null, percent: 0 };
        shown.set(item.id, s);
      }
      if (s.status !== item.status) s.step = null;
      s.status = item.status;
      s.percent = item.live?.activity?.percent ?? item.progress;
      draw(s);
    }
    const allFinal = items.length > 0 && items.every((item) => FINAL_ITEM_STATUSES.includes(item.status));
    if (allFinal || FINAL_REQUEST_STATUSES.includes(request.status)) finish({ request, items });
  }, fail);

  const stream = openEventStream(
    ctx.target,
    ['item.status', 'item.progress'],
    { requestId },
    {
      onEvent: (event) => {
        const s = event.itemId ? shown.get(event.itemId) : undefined;
        if (!s) return reload();
        if (event.type === 'item.progress') {
          s.step = typeof event.data.step === 'string' ? event.data.step : s.step;
          s.percent = typeof event.data.percent === 'number' ? event.data.percent : s.percent;
          return draw(s);
        }
        // A new status: its percent (and whether the request has ended) is read from the API.
        reload();
      },
      onReconnected: reload,
      onLost: (reason) => board?.note(`Event stream lost (${reason}); reconnecting…`),
      onFailed: fail,
    },
  );
  try {
    await stream.opened;
    reload();
    return await ended;
  } finally {
    stream.close();
    board?.stop();
  }
}
