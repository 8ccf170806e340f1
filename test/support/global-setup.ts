import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, dropDatabase } from '../../src/db/create-database.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { findFreePort } from '../../src/runtime/free-port.js';
import { startTemporalDevServer } from '../../src/runtime/temporal-dev-server.js';
import { bundleReelflowWorkflows } from '../../src/workers/bundle-workflows.js';
import { acquireTestPostgres } from './test-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    adminDatabaseUrl: string;
    templateDatabase: string;
    databasePrefix: string;
    workflowBundlePath: string;
  }
}

/**
 * Once per test run: one real Temporal dev server (in memory, headless), a migrated template database
 * that each test file copies into a fresh database of its own, and the workflow bundle built once.
 */
export default async function setup(project: TestProject) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelflow-test-'));
  const databasePrefix = `reelflow_test_${process.pid}_${Date.now().toString(36)}`;
  const templateDatabase = `${databasePrefix}_template`;

  const [server, pg, bundle] = await Promise.all([
    startTemporalDevServer({ port: await findFreePort(), uiPort: null, logFile: path.join(runDir, 'temporal.log') }),
    acquireTestPostgres(),
    bundleReelflowWorkflows(),
  ]);
  const templateUrl = await ensureDatabase(pg.adminUrl, templateDatabase);
  await applyMigrations(templateUrl);

  const workflowBundlePath = path.join(runDir, 'workflow-bundle.js');
  fs.writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', server.address);
  project.provide('adminDatabaseUrl', pg.adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('databasePrefix', databasePrefix);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    await server.stop();
    await dropRunDatabases(pg.adminUrl, databasePrefix);
    await pg.embedded?.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}

async function dropRunDatabases(adminUrl: string, prefix: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const rows = await sql<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}%`}`;
  await sql.end();
  for (const { datname } of rows) await dropDatabase(adminUrl, datname);
}
