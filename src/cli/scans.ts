import type { Command } from 'commander';
import { action } from './context.js';
import { printFields, printJson, printTable, temporalUrlOf, when } from './output.js';
import { watchScan, type Scan } from './watch-scan.js';

/** `reelflow scans show|issues`. */
export function scansCommand(program: Command): void {
  const scans = program.command('scans').description('library scans');

  scans
    .command('show <scanId>')
    .description("a scan's status and counters (live while it runs); --watch follows it to its end")
    .option('--watch', 'show the folders scanned until the scan ends')
    .action(
      action(async (ctx, scanId: string, options: { watch?: boolean }) => {
        let scan = await ctx.answer(ctx.api.GET('/api/scans/{id}', { params: { path: { id: scanId } } }));
        if (options.watch && scan.status === 'running') scan = await watchScan(ctx, scan.id, scan.libraryId, `Scan ${scan.id.slice(0, 8)}`);
        if (ctx.json) return printJson(scan);
        printScan(scan);
        if (options.watch && scan.status !== 'completed') process.exitCode = 1;
      }),
    );

  scans
    .command('issues <scanId>')
    .description('what the scan could not use, and why')
    .action(
      action(async (ctx, scanId: string) => {
        const issues = await ctx.answer(ctx.api.GET('/api/scans/{id}/issues', { params: { path: { id: scanId } } }));
        if (ctx.json) return printJson(issues);
        printTable(issues, [
          ['PATH', (i) => i.path],
          ['REASON', (i) => i.reason],
        ]);
      }),
    );
}

export function printScan(scan: Scan): void {
  printFields([
    ['Scan', scan.id],
    ['Library', scan.libraryId],
    ['Status', scan.phase && scan.status === 'running' ? `${scan.status} (${scan.phase})` : scan.status],
    ['Folders', `${scan.directoriesScanned}/${scan.directoriesTotal}`],
    ['Titles', `${scan.titlesFound} found, ${scan.titlesNew} new, ${scan.titlesUpdated} updated, ${scan.titlesRemoved} removed`],
    ['Artwork cached', scan.assetsCached],
    ['Errors', scan.errors ? `${scan.errors} (reelflow scans issues ${scan.id})` : 0],
    ['Error', scan.errorMessage],
    ['Started', when(scan.startedAt)],
    ['Finished', scan.finishedAt ? when(scan.finishedAt) : null],
    ['Workflow', scan.workflowId],
    ['Temporal', temporalUrlOf(scan)],
  ]);
}
