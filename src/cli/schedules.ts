import type { Command } from 'commander';
import { action } from './context.js';
import { printJson, printLine, printTable, when } from './output.js';

/** `reelflow schedules list|trigger`. */
export function schedulesCommand(program: Command): void {
  const schedules = program.command('schedules').description('periodic jobs (Temporal Schedules)');

  schedules
    .command('list')
    .description('every schedule with its next and last run')
    .action(
      action(async (ctx) => {
        const list = await ctx.answer(ctx.api.GET('/api/schedules'));
        if (ctx.json) return printJson(list);
        printTable(list, [
          ['ID', (s) => s.id],
          ['EVERY', (s) => (s.cron ? `cron ${s.cron}` : s.intervalSeconds !== null ? duration(s.intervalSeconds) : null)],
          ['STATE', (s) => (s.running ? 'running' : s.paused ? 'paused' : 'idle')],
          ['NEXT', (s) => when(s.nextRunAt)],
          ['LAST', (s) => when(s.lastRunAt)],
          ['WHAT', (s) => s.description],
        ]);
      }),
    );

  schedules
    .command('trigger <scheduleId>')
    .description("run a schedule's work now (nothing more runs if it is already running)")
    .action(
      action(async (ctx, scheduleId: string) => {
        const schedule = await ctx.answer(ctx.api.POST('/api/schedules/{id}/trigger', { params: { path: { id: scheduleId } } }));
        if (ctx.json) return printJson(schedule);
        printLine(`Triggered ${schedule.id}: ${schedule.description} (${schedule.workflowId})`);
      }),
    );
}

function duration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
