import { Command, CommanderError } from 'commander';
import { activityCommand } from './activity.js';
import { CliError } from './api.js';
import { healthCommand } from './health.js';
import { historyCommand } from './history.js';
import { itemsCommand } from './items.js';
import { librariesCommand } from './libraries.js';
import { requestsCommand } from './requests.js';
import { scansCommand } from './scans.js';
import { schedulesCommand } from './schedules.js';

/**
 * `reelflow`: the REST API from a shell. Each command is one or two API calls and prints their answer,
 * as JSON with --json; the rules stay in the API, which names what is wrong with a request.
 */
const program = new Command('reelflow')
  .description('Reelflow from the command line: a client of the REST API')
  .option('--url <url>', 'the API address (else REELFLOW_URL, else http://127.0.0.1:3000)')
  .option(
    '--api-key <key>',
    'the API key (else REELFLOW_API_KEY, else the key `npm start` keeps in $REELFLOW_DATA_DIR/api-key or ./data/api-key)',
  )
  .option('--json', "print the API's answer as JSON")
  .showHelpAfterError()
  .exitOverride();

for (const add of [
  healthCommand,
  librariesCommand,
  scansCommand,
  requestsCommand,
  itemsCommand,
  activityCommand,
  historyCommand,
  schedulesCommand,
]) {
  add(program);
}

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and --version end here too, with exit code 0; usage errors were printed by commander.
    process.exitCode = err.exitCode;
  } else if (err instanceof CliError) {
    if (program.opts().json && err.answer !== undefined) process.stdout.write(`${JSON.stringify(err.answer, null, 2)}\n`);
    process.stderr.write(`reelflow: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
