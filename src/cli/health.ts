import type { Command } from 'commander';
import { refusal } from './api.js';
import { action } from './context.js';
import { printJson, printLine } from './output.js';

/** `reelflow health`: whether the API reaches Postgres and Temporal (GET /healthz; needs no key). */
export function healthCommand(program: Command): void {
  program
    .command('health')
    .description('whether the API, Postgres and Temporal answer')
    .action(
      action(async (ctx) => {
        // 503 is an answer too: it says which part is down.
        const { data, error, response } = await ctx.api.GET('/healthz');
        const health = data ?? error;
        if (!health || (response.status !== 200 && response.status !== 503)) throw refusal(response, error, ctx.target);
        if (ctx.json) printJson(health);
        else {
          printLine(`Reelflow at ${ctx.target.url}: ${health.status}`);
          printLine(`  Postgres  ${health.postgres.ok ? 'ok' : (health.postgres.error ?? 'down')}`);
          printLine(`  Temporal  ${health.temporal.ok ? 'ok' : (health.temporal.error ?? 'down')}`);
        }
        if (health.status !== 'ok') process.exitCode = 1;
      }),
    );
}
