import type { Command } from 'commander';
import type { paths } from '../api/openapi/schema.js';
import { collect, episode, integer } from './arguments.js';
import { action } from './context.js';
import { printFields, printJson, printLine, printTable, temporalUrlOf, when } from './output.js';
import { itemName, requestTitle, watchRequest, type Item, type RequestRecord } from './watch-request.js';

type NewRequest = paths['/api/requests']['post']['requestBody']['content']['application/json'];

interface AddOptions {
  type?: string;
  tmdb?: number;
  tvdb?: number;
  imdb?: string;
  title?: string;
  year?: number;
  season?: number[];
  episode?: { season: number; episode: number }[];
  profile?: string;
  target?: string[];
  requireApproval?: boolean;
  approvalTimeout?: number;
  approvalAutoAction?: string;
}

interface ListOptions {
  page?: number;
  pageSize?: number;
  sort?: string;
  direction?: string;
  status?: string;
  type?: string;
  search?: string;
}

/** `reelflow requests add|list|show|watch`. */
export function requestsCommand(program: Command): void {
  const requests = program.command('requests').description('movie and TV requests and their items');

  requests
    .command('add')
    .description('request a movie or TV episodes (the API checks the combination and names what is missing)')
    .option('--type <type>', 'movie or tv')
    .option('--tmdb <id>', 'TMDB id', integer)
    .option('--tvdb <id>', 'TVDB id', integer)
    .option('--imdb <id>', 'IMDb id (tt…)')
    .option('--title <title>', 'title (else read from the metadata providers)')
    .option('--year <year>', 'year', integer)
    .option('--season <n>', 'a whole season (repeat for more)', collect(integer))
    .option('--episode <SxxEyy>', 'one episode, as S01E02 (repeat for more)', collect(episode))
    .option('--profile <id>', 'quality profile id')
    .option('--target <id>', 'delivery target id (repeat for more)', collect(String))
    .option('--require-approval', 'wait for a person to approve each release')
    .option('--approval-timeout <seconds>', 'how long a release waits for approval', integer)
    .option('--approval-auto-action <action>', 'what happens then: approve, reject or cancel')
    .action(
      action(async (ctx, options: AddOptions) => {
        const body: NewRequest = {
          type: options.type as NewRequest['type'],
          ...(options.tmdb !== undefined ? { tmdbId: options.tmdb } : {}),
          ...(options.tvdb !== undefined ? { tvdbId: options.tvdb } : {}),
          ...(options.imdb !== undefined ? { imdbId: options.imdb } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
          ...(options.year !== undefined ? { year: options.year } : {}),
          ...(options.season ? { seasons: options.season } : {}),
          ...(options.episode ? { episodes: options.episode } : {}),
          qualityProfileId: options.profile as string,
          targetIds: options.target ?? [],
          ...(options.requireApproval ? { requireApproval: true } : {}),
          ...(options.approvalTimeout !== undefined ? { approvalTimeoutSeconds: options.approvalTimeout } : {}),
          ...(options.approvalAutoAction !== undefined
            ? { approvalAutoAction: options.approvalAutoAction as NewRequest['approvalAutoAction'] }
            : {}),
        };
        const request = await ctx.answer(ctx.api.POST('/api/requests', { body }));
        if (ctx.json) return printJson(request);
        printLine(`Requested ${requestTitle(request)}: ${request.status}`);
        printFields([
          ['ID', request.id],
          ['Temporal', temporalUrlOf(request)],
        ]);
        printLine(`Follow it with: reelflow requests watch ${request.id}`);
      }),
    );

  requests
    .command('list')
    .description('a page of requests')
    .option('--page <n>', 'page number (from 1)', integer)
    .option('--page-size <n>', 'requests per page', integer)
    .option('--sort <key>', 'sort key')
    .option('--direction <direction>', 'ascending or descending')
    .option('--status <statuses>', 'comma-separated statuses (PENDING, PROCESSING, COMPLETED, PARTIAL, FAILED, CANCELLED)')
    .option('--type <type>', 'movie or tv')
    .option('--search <text>', 'title contains')
    .action(
      action(async (ctx, options: ListOptions) => {
        const query = {
          page: options.page,
          pageSize: options.pageSize,
          sortKey: options.sort,
          sortDirection: options.direction,
          status: options.status,
          type: options.type,
          q: options.search,
        };
        const list = await ctx.answer(ctx.pending.GET('/api/requests', { params: { query } }));
        if (ctx.json) return printJson(list);
        printTable(list.records, [
          ['ID', (r) => r.id],
          ['TYPE', (r) => r.type],
          ['TITLE', (r) => requestTitle(r)],
          ['STATUS', (r) => r.status],
          [
            'ITEMS',
            (r) => `${r.aggregates.completed}/${r.aggregates.total} done${r.aggregates.failed ? `, ${r.aggregates.failed} failed` : ''}`,
          ],
          ['CREATED', (r) => when(r.createdAt)],
        ]);
        const pages = Math.max(1, Math.ceil(list.totalRecords / list.pageSize));
        printLine(
          `Page ${list.page} of ${pages} (${list.totalRecords} request${list.totalRecords === 1 ? '' : 's'}, by ${list.sortKey} ${list.sortDirection})`,
        );
      }),
    );

  requests
    .command('show <requestId>')
    .description('a request with its items (JSON: {request, items})')
    .action(
      action(async (ctx, requestId: string) => {
        const path = { id: requestId };
        const request = await ctx.answer(ctx.api.GET('/api/requests/{id}', { params: { path } }));
        const items = await ctx.answer(ctx.api.GET('/api/requests/{id}/items', { params: { path } }));
        if (ctx.json) return printJson({ request, items });
        printRequest(request, items);
      }),
    );

  requests
    .command('watch <requestId>')
    .description("each item's status and download/encode percent until every item is done, failed or cancelled")
    .action(
      action(async (ctx, requestId: string) => {
        const { request, items } = await watchRequest(ctx, requestId);
        if (ctx.json) printJson({ request, items });
        else printRequest(request, items);
        const failed = items.filter((item) => item.status === 'FAILED');
        if (!ctx.json) for (const item of failed) printLine(`Failed: reelflow items retry ${item.id} (or items cancel)`);
        if (failed.length) process.exitCode = 1;
      }),
    );
}

function printRequest(request: RequestRecord, items: Item[]): void {
  const a = request.aggregates;
  printFields([
    ['Request', request.id],
    ['Title', requestTitle(request)],
    ['Type', request.type],
    ['Status', request.status],
    ['Items', `${a.total} (${a.completed} completed, ${a.active} active, ${a.failed} failed, ${a.cancelled} cancelled)`],
    ['Quality profile', request.qualityProfileId],
    ['Targets', request.targetIds.join(', ')],
    ['Error', request.lastError],
    ['Created', when(request.createdAt)],
    ['Workflow', request.workflowId],
    ['Temporal', temporalUrlOf(request)],
  ]);
  printLine();
  const withTemporal = items.some((item) => temporalUrlOf(item));
  printTable(items, [
    ['ITEM', (i) => i.id],
    ['NAME', (i) => itemName(i, request)],
    ['STATUS', (i) => i.status],
    ['%', (i) => Math.round(i.live?.activity?.percent ?? i.progress)],
    ['WAITING FOR', (i) => i.live?.waitingFor],
    ['RELEASE', (i) => i.selectedRelease?.title],
    ['ERROR', (i) => (i.lastError ? `${i.failedStep ?? ''}: ${i.lastError}` : null)],
    ...(withTemporal ? [['TEMPORAL', (i: Item) => temporalUrlOf(i)] as const] : []),
  ]);
}
