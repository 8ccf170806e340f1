import type { Command } from 'commander';
import { integer } from './arguments.js';
import { action } from './context.js';
import { printJson, printLine, printTable, when } from './output.js';

interface HistoryOptions {
  type?: string;
  library?: string;
  title?: string;
  request?: string;
  item?: string;
  since?: string;
  until?: string;
  limit?: number;
  before?: number;
}

/** `reelflow history`: what happened, newest first (GET /api/history). */
export function historyCommand(program: Command): void {
  program
    .command('history')
    .description('what happened, newest first')
    .option('--type <types>', 'comma-separated event types (title.added,item.failed,…)')
    .option('--library <id>', 'about one library')
    .option('--title <id>', 'about one title')
    .option('--request <id>', 'about one request')
    .option('--item <id>', 'about one item')
    .option('--since <time>', 'ISO 8601')
    .option('--until <time>', 'ISO 8601')
    .option('--limit <n>', 'events per page (1–500, default 100)', integer)
    .option('--before <id>', 'the next page: the id the previous page named', integer)
    .action(
      action(async (ctx, options: HistoryOptions) => {
        const query = {
          type: options.type,
          libraryId: options.library,
          titleId: options.title,
          requestId: options.request,
          itemId: options.item,
          since: options.since,
          until: options.until,
          limit: options.limit,
          before: options.before,
        };
        const page = await ctx.answer(ctx.api.GET('/api/history', { params: { query } }));
        if (ctx.json) return printJson(page);
        printTable(page.events, [
          ['WHEN', (e) => when(e.occurredAt)],
          ['TYPE', (e) => e.type],
          ['WHAT', (e) => e.summary],
        ]);
        if (page.nextBefore !== null) printLine(`More: reelflow history --before ${page.nextBefore} (with the same filters)`);
      }),
    );
}
