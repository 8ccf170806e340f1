import type { Command } from 'commander';
import { action } from './context.js';
import { printJson, printLine, printTable, when, type Column } from './output.js';

/** `reelflow activity`: what runs now and what waits for a person (GET /api/activity). */
export function activityCommand(program: Command): void {
  program
    .command('activity')
    .description('what runs now and what waits for a person')
    .action(
      action(async (ctx) => {
        const now = await ctx.answer(ctx.api.GET('/api/activity'));
        if (ctx.json) return printJson(now);
        const { items } = now;
        printLine(`Scans running (${now.scans.length})`);
        printTable(now.scans, [
          ['SCAN', (s) => s.scanId],
          ['LIBRARY', (s) => s.libraryName],
          ['FOLDERS', (s) => `${s.directoriesScanned}/${s.directoriesTotal}`],
          ['STARTED', (s) => when(s.startedAt)],
        ]);
        printLine();
        printLine(`Title pipelines in flight (${now.pipelines.reduce((n, p) => n + p.titles, 0)})`);
        printTable(now.pipelines, [
          ['LIBRARY', (p) => p.libraryName],
          ['TITLES', (p) => p.titles],
        ]);
        const itemColumns: Column<(typeof items.active)[number]>[] = [
          ['ITEM', (i) => i.itemId],
          ['NAME', (i) => i.name],
          ['STATUS', (i) => i.status],
          ['%', (i) => Math.round(i.progress)],
          ['RELEASE', (i) => i.release],
        ];
        printLine();
        printLine(`Items active (${items.counts.active})`);
        printTable(items.active, itemColumns);
        printLine();
        printLine(`Waiting for approval (${items.counts.awaitingApproval})`);
        printTable(items.awaitingApproval, itemColumns);
        printLine();
        printLine(`Failed, waiting for a retry or a cancel (${items.counts.failed})`);
        printTable(items.failed, [
          ['ITEM', (i) => i.itemId],
          ['NAME', (i) => i.name],
          ['STEP', (i) => i.failedStep],
          ['ERROR', (i) => i.lastError],
        ]);
        printLine();
        printLine(`Notifications being retried (${now.notifications.retrying.length})`);
        printTable(now.notifications.retrying, [
          ['SERVICE', (n) => n.service],
          ['ATTEMPTS', (n) => n.attempts],
          ['SINCE', (n) => when(n.since)],
          ['ERROR', (n) => n.lastError],
        ]);
      }),
    );
}
