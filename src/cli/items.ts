import type { Command } from 'commander';
import { action, type CliContext } from './context.js';
import { printJson, printLine } from './output.js';

type Decision = 'approve' | 'retry' | 'cancel' | 'search-now';

const DECISIONS: [Decision, string][] = [
  ['approve', 'approve the release waiting for approval'],
  ['retry', 'a FAILED item resumes at the step that failed'],
  ['cancel', 'stop the item wherever it is; its torrent and work files are removed'],
  ['search-now', 'end the wait for an air date or the next search: search now'],
];

/**
 * `reelflow items approve|reject|retry|cancel|search-now|select-release`. Each is a decision the item's
 * workflow takes or refuses; a refusal (409) is printed with the workflow's reason.
 */
export function itemsCommand(program: Command): void {
  const items = program.command('items').description("decisions about a request's items");

  for (const [decision, description] of DECISIONS) {
    items
      .command(`${decision} <itemId>`)
      .description(description)
      .action(
        action(async (ctx, itemId: string) => {
          const params = { params: { path: { id: itemId } } };
          const call =
            decision === 'approve'
              ? ctx.api.POST('/api/items/{id}/approve', params)
              : decision === 'retry'
                ? ctx.api.POST('/api/items/{id}/retry', params)
                : decision === 'cancel'
                  ? ctx.api.POST('/api/items/{id}/cancel', params)
                  : ctx.api.POST('/api/items/{id}/search-now', params);
          report(ctx, decision, await ctx.answer(call));
        }),
      );
  }

  items
    .command('reject <itemId>')
    .description('set the release aside; the next acceptable one is selected, or the search goes on')
    .option('--reason <text>', 'why (kept with the release)')
    .action(
      action(async (ctx, itemId: string, options: { reason?: string }) => {
        const body = options.reason !== undefined ? { reason: options.reason } : {};
        report(ctx, 'reject', await ctx.answer(ctx.api.POST('/api/items/{id}/reject', { params: { path: { id: itemId } }, body })));
      }),
    );

  items
    .command('select-release <itemId> <guid>')
    .description("take one of the item's available releases (its guid, from reelflow requests show --json)")
    .action(
      action(async (ctx, itemId: string, guid: string) => {
        const call = ctx.pending.POST('/api/items/{id}/select-release', { params: { path: { id: itemId } }, body: { guid } });
        report(ctx, 'select-release', await ctx.answer(call));
      }),
    );
}

function report(ctx: CliContext, decision: string, result: { itemId: string; status: string }): void {
  if (ctx.json) return printJson(result);
  // The status when the workflow took the decision; what follows from it is on its way.
  printLine(`${decision}: accepted for item ${result.itemId} (${result.status})`);
}
