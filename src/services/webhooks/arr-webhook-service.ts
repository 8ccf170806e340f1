import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import { LibraryFolderRepository } from '../../db/repositories/library-folder-repository.js';
import { LibraryRepository } from '../../db/repositories/library-repository.js';
import { PathMappingRepository } from '../../db/repositories/path-mapping-repository.js';
import { WebhookEventRepository } from '../../db/repositories/webhook-event-repository.js';
import { arrEventKey, parseArrDelivery, type ArrSource } from '../../integrations/arr/arr-payloads.js';
import { resolveArrFolder } from '../../library/resolve-arr-folder.js';
import type { FolderRefreshInput } from '../../contracts/folder-refresh.js';
import { priorityKeys } from '../../contracts/providers.js';
import { startWorkflow } from '../../contracts/workflows.js';
import { InvalidRequestError, UnprocessableError } from '../service-errors.js';
import { EventRepository } from '../../db/repositories/event-repository.js';
import { EventRecorder } from '../../events/event-recorder.js';

export interface WebhookReply {
  status: 200 | 202;
  body: { eventType: string; outcome: string; duplicate: boolean; workflowId?: string; folderPath?: string; titlesRemoved?: number };
}

export const webhookWorkflowId = (source: ArrSource, eventKey: string) => `webhook/${source}/${eventKey}`;

/**
 * Handles one Radarr/Sonarr delivery: Test is recorded; Download (one file, or Sonarr v4's whole import
 * with episodeFiles), Rename and file deletes refresh the mapped folder with the *arr's ids for its title
 * (folderRefresh, id from the delivery's identity, so a resent delivery starts nothing); title deletes mark
 * the title removed; grabs and health messages are recorded only; an unknown event type is logged, 202.
 */
export async function handleArrDelivery(
  deps: { db: Database; temporal: Client; taskQueue: string; log: { info(o: object, m: string): void } },
  source: ArrSource,
  body: unknown,
): Promise<WebhookReply> {
  const parsed = parseArrDelivery(source, body);
  if (!parsed.ok && 'error' in parsed) throw new InvalidRequestError(parsed.error);
  const eventKey = arrEventKey(body);
  if (!parsed.ok) {
    deps.log.info({ source, eventType: parsed.unknownEventType }, 'webhook with an event type Reelflow does not know; ignored');
    const duplicate = !(await record(deps.db, source, parsed.unknownEventType, eventKey, 'unknown-event', {}));
    return { status: 202, body: { eventType: parsed.unknownEventType, outcome: 'unknown-event', duplicate } };
  }
  const { eventType, action } = parsed;
  if (action.kind === 'test' || action.kind === 'ignore') {
    const outcome = action.kind === 'test' ? 'test' : 'ignored';
    const duplicate = !(await record(deps.db, source, eventType, eventKey, outcome, {}));
    return { status: 200, body: { eventType, outcome, duplicate } };
  }

  const [libraries, mappings] = await Promise.all([new LibraryRepository(deps.db).list(), new PathMappingRepository(deps.db).listAll()]);
  const resolved = resolveArrFolder(action.remotePath, libraries, mappings, source === 'radarr' ? ['movie'] : ['tv']);
  if (!resolved) {
    await record(deps.db, source, eventType, eventKey, 'unmapped', { remotePath: action.remotePath });
    throw new UnprocessableError(
      `${action.field}: "${action.remotePath}" is in no ${source === 'radarr' ? 'movie' : 'tv'} library; add a path mapping (POST /api/libraries/:id/path-mappings)`,
    );
  }
  const detail = { remotePath: action.remotePath, folderPath: resolved.folderPath, libraryId: resolved.library.id };

  if (action.kind === 'remove') {
    // The effect first, then the record: a process that dies between the two leaves the delivery unrecorded,
    // so the *arr's resend does the (idempotent) removal again instead of being taken for done.
    if (await isRecorded(deps.db, source, eventKey))
      return { status: 200, body: { eventType, outcome: 'removed', duplicate: true, folderPath: resolved.folderPath } };
    const key = path.relative(path.resolve(resolved.library.rootPath), resolved.folderPath).split(path.sep).join('/');
    const titlesRemoved = await new LibraryFolderRepository(deps.db).markFolderRemoved(resolved.library.id, key, randomUUID());
    const isNew = await record(deps.db, source, eventType, eventKey, 'removed', detail);
    return { status: 200, body: { eventType, outcome: 'removed', duplicate: !isNew, folderPath: resolved.folderPath, titlesRemoved } };
  }

  const workflowId = webhookWorkflowId(source, eventKey);
  const input: FolderRefreshInput = {
    libraryId: resolved.library.id,
    folderPath: resolved.folderPath,
    reason: `${source} ${eventType}`,
    arrIds: action.ids,
  };
  let duplicate = false;
  try {
    await startWorkflow(deps.temporal, 'folderRefresh', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [input],
      // The same delivery again, even after its refresh finished, is the same event: never run twice.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      priority: { priorityKey: priorityKeys.user },
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    duplicate = true;
  }
  await record(deps.db, source, eventType, eventKey, 'refresh', { ...detail, workflowId });
  return { status: 200, body: { eventType, outcome: 'refresh', duplicate, workflowId, folderPath: resolved.folderPath } };
}

function isRecorded(db: Database, source: ArrSource, eventKey: string): Promise<boolean> {
  return new WebhookEventRepository(db).isRecorded(source, eventKey);
}

/** True when this delivery is new; a repeated one keeps its first row. */
/** True when this delivery is new (a repeated one keeps its first row); a new one goes into the history. */
async function record(
  db: Database,
  source: ArrSource,
  eventType: string,
  eventKey: string,
  outcome: string,
  detail: Record<string, unknown>,
): Promise<boolean> {
  const isNew = await new WebhookEventRepository(db).record({ source, eventType, eventKey, outcome, detail });
  if (isNew) {
    const where = typeof detail.folderPath === 'string' ? ` for ${detail.folderPath}` : '';
    await new EventRecorder(new EventRepository(db)).record({
      type: 'webhook.received',
      libraryId: typeof detail.libraryId === 'string' ? detail.libraryId : null,
      summary: `${source === 'radarr' ? 'Radarr' : 'Sonarr'} ${eventType}${where}: ${outcome}`,
      data: { source, eventType, outcome, ...detail },
      dedupeKey: `webhook/${source}/${eventKey}`,
    });
  }
  return isNew;
}

/** The latest deliveries, newest first, and what they led to. */
export async function latestArrDeliveries(db: Database, limit: number) {
  const rows = await new WebhookEventRepository(db).latest(limit);
  return rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() }));
}
