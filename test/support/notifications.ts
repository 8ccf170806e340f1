import type { Client } from '@temporalio/client';
import type { Database } from '../../src/db/client.js';
import { LibraryRepository } from '../../src/db/repositories/library-repository.js';
import { NotificationConfigRepository } from '../../src/db/repositories/notification-config-repository.js';
import { notificationConfigSchemas, type NotificationService } from '../../src/integrations/notification-config.js';
import { notifyTitleWorkflowId, type NotifyTitleInput, type NotifyTitleResult } from '../../src/contracts/notify.js';
import { executeWorkflow } from '../../src/contracts/workflows.js';
import { testCipher } from './integration.js';
import { tempDir } from './temp-dir.js';

/** Short retries and windows so that a target that is down for a few seconds is retried within the test. */
export const FAST_DELIVERY = { retryWindowMinutes: 5, initialRetrySeconds: 0.2, maximumRetrySeconds: 1 };

/** Stores a service's config as PUT /api/notifications/:service would (schema defaults applied). */
export async function configureNotification(db: Database, service: NotificationService, config: Record<string, unknown>, enabled = true) {
  const parsed = notificationConfigSchemas[service].parse({ delivery: FAST_DELIVERY, ...config });
  return new NotificationConfigRepository(db, testCipher).put(service, enabled, parsed as never);
}

export async function createLibrary(db: Database, name = 'Movies'): Promise<{ id: string; rootPath: string }> {
  const library = await new LibraryRepository(db).create({
    name: `${name}-${Math.random().toString(36).slice(2, 8)}`,
    kind: 'movie',
    rootPath: tempDir('reelflow-library-'),
  });
  return { id: library.id, rootPath: library.rootPath };
}

let keys = 0;

/** A notifyTitle input for a movie folder of the library; every call gets its own notification key. */
export function titleInput(
  library: { id: string; rootPath: string },
  folderName: string,
  overrides: Partial<NotifyTitleInput> = {},
): NotifyTitleInput {
  return {
    libraryId: library.id,
    titleKind: 'movie',
    titleId: `${library.id}:${folderName}`,
    displayName: folderName,
    folderPath: `${library.rootPath}/${folderName}`,
    event: 'added',
    playerSync: { notify: true, delaySeconds: 0, cleanFirst: false },
    notificationKey: `run-${++keys}`,
    ...overrides,
  };
}

/** Starts notifyTitle as the pipelines do (id from the business key) and waits for its result. */
export async function runNotifyTitle(client: Client, taskQueue: string, input: NotifyTitleInput): Promise<NotifyTitleResult> {
  return executeWorkflow(client, 'notifyTitle', { workflowId: notifyTitleWorkflowId(input), taskQueue, args: [input] });
}

/** Polls until `check` holds (a fake received what it should); fails with `what` after the timeout. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits a while and asserts nothing more arrived: for "exactly once" after the first arrival. */
export const settle = (ms = 1_500) => new Promise((resolve) => setTimeout(resolve, ms));
