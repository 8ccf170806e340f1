import type { Command } from 'commander';
import type { paths } from '../api/openapi/schema.js';
import { CliError } from './api.js';
import { action, type CliContext } from './context.js';
import { printFields, printJson, printLine, printTable, temporalUrlOf, when } from './output.js';
import { printScan } from './scans.js';
import { watchScan } from './watch-scan.js';

type NewLibrary = paths['/api/libraries']['post']['requestBody']['content']['application/json'];

/** `reelflow libraries list|add|scan`. */
export function librariesCommand(program: Command): void {
  const libraries = program.command('libraries').description('media libraries and their scans');

  libraries
    .command('list')
    .description('every library')
    .action(
      action(async (ctx) => {
        const list = await ctx.answer(ctx.api.GET('/api/libraries'));
        if (ctx.json) return printJson(list);
        printTable(list, [
          ['ID', (l) => l.id],
          ['NAME', (l) => l.name],
          ['KIND', (l) => l.kind],
          ['ROOT', (l) => l.rootPath],
          ['CREATED', (l) => when(l.createdAt)],
        ]);
      }),
    );

  libraries
    .command('add <name> <kind> <rootPath>')
    .description('add a library: kind movie, tv or music; rootPath a folder the API can read')
    .action(
      action(async (ctx, name: string, kind: string, rootPath: string) => {
        // The API checks the kind and the folder, and names what is wrong.
        const body = { name, kind: kind as NewLibrary['kind'], rootPath };
        const library = await ctx.answer(ctx.api.POST('/api/libraries', { body }));
        if (ctx.json) return printJson(library);
        printLine(`Added library ${library.name} (${library.kind}, ${library.rootPath})`);
        printFields([['ID', library.id]]);
      }),
    );

  libraries
    .command('scan <library>')
    .description('scan a library (its id or its name); --watch shows progress until the scan ends')
    .option('--watch', 'show the folders scanned until the scan ends')
    .action(
      action(async (ctx, library: string, options: { watch?: boolean }) => {
        const { id, name } = await findLibrary(ctx, library);
        const started = await ctx.answer(ctx.api.POST('/api/libraries/{id}/scan', { params: { path: { id } } }));
        if (!options.watch) {
          if (ctx.json) return printJson(started);
          printLine(`${started.alreadyRunning ? 'Already scanning' : 'Scanning'} ${name}: scan ${started.scanId}`);
          const temporal = temporalUrlOf(started);
          if (temporal) printLine(`Temporal: ${temporal}`);
          return printLine(`Follow it with: reelflow scans show ${started.scanId} --watch`);
        }
        if (!ctx.json) printLine(`${started.alreadyRunning ? 'Already scanning' : 'Scanning'} ${name}: scan ${started.scanId}`);
        const scan = await watchScan(ctx, started.scanId, id, `Scan ${name}`);
        if (ctx.json) printJson(scan);
        else printScan(scan);
        if (scan.status !== 'completed') process.exitCode = 1;
      }),
    );
}

/** A library by id, or by its exact name (names are what people remember). */
async function findLibrary(ctx: CliContext, idOrName: string): Promise<{ id: string; name: string }> {
  const list = await ctx.answer(ctx.api.GET('/api/libraries'));
  const found = list.find((l) => l.id === idOrName) ?? list.find((l) => l.name === idOrName);
  if (!found) throw new CliError(`No library with the id or name "${idOrName}" (reelflow libraries list shows them)`);
  return found;
}
