import type { paths } from '../api/openapi/schema.js';
import type { CliContext } from './context.js';
import { openEventStream } from './event-stream.js';
import { readLatest } from './latest-state.js';
import { progressBoard } from './progress.js';

export type Scan = paths['/api/scans/{id}']['get']['responses'][200]['content']['application/json'];

/**
 * Shows a scan's folders done of total until it ends, and returns how it ended. Each `scan.progress` and
 * `scan.finished` event of the library makes the scan be read again (GET /api/scans/:id has the totals);
 * the stream is open before the first read, so an end that comes in between is not missed.
 */
export async function watchScan(ctx: CliContext, scanId: string, libraryId: string, label: string): Promise<Scan> {
  const board = ctx.json ? undefined : progressBoard();
  const line = board?.line(label, 'folders');
  let finish!: (scan: Scan) => void;
  let fail!: (error: unknown) => void;
  const ended = new Promise<Scan>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const refresh = readLatest(async () => {
    const scan = await ctx.answer(ctx.api.GET('/api/scans/{id}', { params: { path: { id: scanId } } }));
    line?.update(scan.directoriesScanned, scan.directoriesTotal, scan.status === 'running' ? (scan.phase ?? 'running') : scan.status);
    if (scan.status !== 'running') finish(scan);
  }, fail);

  const stream = openEventStream(
    ctx.target,
    ['scan.progress', 'scan.finished'],
    { libraryId },
    {
      onEvent: (event) => {
        if (event.data.scanId === scanId) refresh();
      },
      onReconnected: refresh,
      onLost: (reason) => board?.note(`Event stream lost (${reason}); reconnecting…`),
      onFailed: fail,
    },
  );
  try {
    await stream.opened;
    refresh();
    return await ended;
  } finally {
    stream.close();
    board?.stop();
  }
}
