import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type Client,
  type ScheduleDescription,
  type ScheduleOptions,
} from '@temporalio/client';
import type { Database } from '../db/client.js';
import { IptvProviderRepository } from '../db/repositories/iptv-provider-repository.js';
import { LibraryRepository } from '../db/repositories/library-repository.js';
import { ScheduleOverrideRepository } from '../db/repositories/schedule-override-repository.js';
import type { CredentialsCipher } from '../security/credentials-cipher.js';
import { iptvSyncWorkflowId } from '../contracts/iptv.js';
import { libraryScanWorkflowId } from '../contracts/scan.js';
import {
  maintenanceWorkflowId,
  providerRefreshWorkflowId,
  type ScheduledRunInput,
  type ScheduledWorkflowType,
} from '../contracts/scheduled-run.js';
import type { WorkflowType } from '../contracts/workflows.js';
import { SCHEDULE_DEFAULTS, type ScheduleTiming } from './schedule-config.js';
import { ScheduleIds, type ScheduleKind } from './schedule-ids.js';

/** One schedule as configuration wants it, before it is written to Temporal. */
export interface DesiredSchedule {
  id: string;
  kind: ScheduleKind;
  targetId: string | null;
  description: string;
  run: ScheduledRunInput;
  timing: ScheduleTiming;
  paused: boolean;
  /** Whether a person's edit (interval, cron or paused) is laid over the configured values. */
  edited: boolean;
}

/** A schedule as the API shows it: configuration plus what the Temporal server says of it. */
export interface ScheduleView {
  id: string;
  kind: ScheduleKind;
  targetId: string | null;
  description: string;
  workflowType: ScheduledWorkflowType;
  workflowId: string;
  intervalSeconds: number | null;
  cron: string | null;
  paused: boolean;
  edited: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  running: boolean;
  actionsTaken: number;
  skippedOverlap: number;
}

export interface SchedulePatch {
  intervalSeconds?: number;
  cron?: string;
  paused?: boolean;
}

/** A schedule id that is not one of this deployment's. */
export class UnknownScheduleError extends Error {
  override readonly name = 'UnknownScheduleError';
}

/** The Temporal server refused the schedule's spec (a malformed cron expression, say). */
export class InvalidScheduleError extends Error {
  override readonly name = 'InvalidScheduleError';
}

export interface ScheduleServiceDeps {
  temporal: Client;
  db: Database;
  credentialsCipher: CredentialsCipher;
  /** The deployment's main task queue: the runs are started there, and the ids are scoped by it. */
  taskQueue: string;
}

/**
 * Every periodic thing Reelflow does is a Temporal Schedule, made from configuration: provider refresh,
 * maintenance, a scan per library and a sync per IPTV provider. `syncAll()` at start-up creates what is
 * missing, updates what differs and deletes schedules whose library or provider is gone; the API calls
 * the narrower methods when a library or provider changes. Every schedule's overlap policy is SKIP.
 */
export class ScheduleService {
  readonly ids: ScheduleIds;
  private readonly libraries: LibraryRepository;
  private readonly iptvProviders: IptvProviderRepository;
  private readonly overrides: ScheduleOverrideRepository;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.ids = new ScheduleIds(deps.taskQueue);
    this.libraries = new LibraryRepository(deps.db);
    this.iptvProviders = new IptvProviderRepository(deps.db, deps.credentialsCipher);
    this.overrides = new ScheduleOverrideRepository(deps.db);
  }

  /** Every schedule configuration asks for, edits applied, in a stable order. */
  async desired(): Promise<DesiredSchedule[]> {
    const [libraries, providers, overrides] = await Promise.all([
      this.libraries.list(),
      this.iptvProviders.listScheduling(),
      this.overrides.all(),
    ]);
    const base: Omit<DesiredSchedule, 'edited'>[] = [
      {
        id: this.ids.providerRefresh(),
        kind: 'provider-refresh',
        targetId: null,
        description: 'Refresh provider data that changed or is due by release status',
        run: { workflowType: 'providerRefresh', workflowId: scoped(this.deps.taskQueue, providerRefreshWorkflowId), args: [{}] },
        timing: { intervalSeconds: SCHEDULE_DEFAULTS.providerRefreshSeconds },
        paused: false,
      },
      {
        id: this.ids.maintenance(),
        kind: 'maintenance',
        targetId: null,
        description: 'Remove unreferenced cache files and verify the cache’s sha256 hashes',
        run: { workflowType: 'maintenance', workflowId: scoped(this.deps.taskQueue, maintenanceWorkflowId), args: [{}] },
        timing: { intervalSeconds: SCHEDULE_DEFAULTS.maintenanceSeconds },
        paused: false,
      },
      ...libraries.map((library) => ({
        id: this.ids.libraryScan(library.id),
        kind: 'library-scan' as const,
        targetId: library.id,
        description: `Scan library "${library.name}" (incremental)`,
        run: { workflowType: 'libraryScan' as const, workflowId: libraryScanWorkflowId(library.id), args: [{ libraryId: library.id }] },
        timing: { intervalSeconds: SCHEDULE_DEFAULTS.libraryScanSeconds },
        paused: false,
      })),
      ...providers.map((provider) => ({
        id: this.ids.iptvSync(provider.id),
        kind: 'iptv-sync' as const,
        targetId: provider.id,
        description: `Sync the catalogue of IPTV provider "${provider.name}" (${provider.kind})`,
        run: { workflowType: 'iptvSync' as const, workflowId: iptvSyncWorkflowId(provider.id), args: [{ providerId: provider.id }] },
        timing: { intervalSeconds: provider.syncIntervalSeconds },
        // A disabled provider keeps its schedule, paused, so enabling it again resumes the same one.
        paused: !provider.enabled,
      })),
    ];
    return base.map((schedule) => {
      const override = overrides.get(schedule.id);
      if (!override) return { ...schedule, edited: false };
      const timing: ScheduleTiming =
        override.cron !== null
          ? { cron: override.cron }
          : override.intervalSeconds !== null
            ? { intervalSeconds: override.intervalSeconds }
            : schedule.timing;
      return { ...schedule, timing, paused: override.paused ?? schedule.paused, edited: true };
    });
  }

  /** Start-up: make Temporal's schedules exactly what configuration asks for. Idempotent. */
  async syncAll(): Promise<{ created: number; updated: number; deleted: number }> {
    const desired = await this.desired();
    const counts = { created: 0, updated: 0, deleted: 0 };
    for (const schedule of desired) counts[(await this.apply(schedule)) === 'created' ? 'created' : 'updated']++;
    const wanted = new Set(desired.map((schedule) => schedule.id));
    // Schedules of libraries or providers deleted while no API was running.
    for await (const summary of this.deps.temporal.schedule.list()) {
      if (this.ids.parse(summary.scheduleId) && !wanted.has(summary.scheduleId)) {
        await this.remove(summary.scheduleId);
        counts.deleted++;
      }
    }
    return counts;
  }

  /** After a library or IPTV provider was created or changed: its schedule as configuration now says. */
  async syncOne(scheduleId: string): Promise<void> {
    const schedule = (await this.desired()).find((candidate) => candidate.id === scheduleId);
    if (!schedule) throw new UnknownScheduleError(`No schedule ${scheduleId}`);
    await this.apply(schedule);
  }

  /** After a library or IPTV provider was deleted. */
  async remove(scheduleId: string): Promise<void> {
    await this.deps.temporal.schedule
      .getHandle(scheduleId)
      .delete()
      .catch((err: unknown) => {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      });
    await this.overrides.delete(scheduleId);
  }

  async list(): Promise<ScheduleView[]> {
    const desired = await this.desired();
    return Promise.all(desired.map((schedule) => this.view(schedule)));
  }

  async get(scheduleId: string): Promise<ScheduleView> {
    return this.view(await this.find(scheduleId));
  }

  /** A person's edit: saved (so it survives restarts) once the server accepted it. */
  async patch(scheduleId: string, patch: SchedulePatch): Promise<ScheduleView> {
    const current = await this.find(scheduleId);
    const timing: ScheduleTiming =
      patch.cron !== undefined
        ? { cron: patch.cron }
        : patch.intervalSeconds !== undefined
          ? { intervalSeconds: patch.intervalSeconds }
          : current.timing;
    const next: DesiredSchedule = { ...current, timing, paused: patch.paused ?? current.paused, edited: true };
    await this.apply(next);
    // Only what the person changed is stored: an untouched interval keeps following configuration
    // (an IPTV provider's syncIntervalSeconds, say).
    const stored = await this.overrides.get(scheduleId);
    const timingEdited = patch.cron !== undefined || patch.intervalSeconds !== undefined;
    await this.overrides.save(scheduleId, {
      intervalSeconds: timingEdited ? (timing.intervalSeconds ?? null) : (stored?.intervalSeconds ?? null),
      cron: timingEdited ? (timing.cron ?? null) : (stored?.cron ?? null),
      paused: patch.paused ?? stored?.paused ?? null,
    });
    return this.view(next);
  }

  /** Runs the schedule's action now; a run already going is left alone (SKIP). */
  async trigger(scheduleId: string): Promise<ScheduleView> {
    const schedule = await this.find(scheduleId);
    await this.apply(schedule);
    await this.deps.temporal.schedule.getHandle(scheduleId).trigger(ScheduleOverlapPolicy.SKIP);
    return this.view(schedule);
  }

  private async find(scheduleId: string): Promise<DesiredSchedule> {
    const schedule = (await this.desired()).find((candidate) => candidate.id === scheduleId);
    if (!schedule) throw new UnknownScheduleError(`No schedule ${scheduleId}`);
    return schedule;
  }

  private options(schedule: DesiredSchedule): ScheduleOptions {
    return {
      scheduleId: schedule.id,
      spec:
        schedule.timing.cron !== undefined
          ? { cronExpressions: [schedule.timing.cron] }
          : { intervals: [{ every: `${schedule.timing.intervalSeconds}s` }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'scheduledRun' satisfies WorkflowType,
        args: [schedule.run],
        taskQueue: this.deps.taskQueue,
        // Temporal appends the time to this id; the work itself runs as a child under its business key.
        workflowId: schedule.id,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
      state: { paused: schedule.paused, note: schedule.description },
    };
  }

  /** Create, or update when it exists: the same options either way. */
  private async apply(schedule: DesiredSchedule): Promise<'created' | 'updated'> {
    const options = this.options(schedule);
    try {
      await this.deps.temporal.schedule.create(options).catch(invalidSpec);
      return 'created';
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
    const { scheduleId: _id, memo: _memo, ...update } = options;
    await this.deps.temporal.schedule
      .getHandle(schedule.id)
      .update(() => ({ ...update, state: { paused: schedule.paused, note: schedule.description } }))
      .catch(invalidSpec);
    return 'updated';
  }

  private async view(schedule: DesiredSchedule): Promise<ScheduleView> {
    let description: ScheduleDescription | undefined;
    try {
      description = await this.deps.temporal.schedule.getHandle(schedule.id).describe();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
    const recent = description?.info.recentActions.at(-1);
    return {
      id: schedule.id,
      kind: schedule.kind,
      targetId: schedule.targetId,
      description: schedule.description,
      workflowType: schedule.run.workflowType,
      workflowId: schedule.run.workflowId,
      intervalSeconds: schedule.timing.intervalSeconds ?? null,
      cron: schedule.timing.cron ?? null,
      paused: description?.state.paused ?? schedule.paused,
      edited: schedule.edited,
      nextRunAt: description?.info.nextActionTimes[0]?.toISOString() ?? null,
      lastRunAt: recent?.takenAt.toISOString() ?? null,
      running: (description?.info.runningActions.length ?? 0) > 0,
      actionsTaken: description?.info.numActionsTaken ?? 0,
      skippedOverlap: description?.info.numActionsSkippedOverlap ?? 0,
    };
  }
}

/** Singleton work is scoped like the schedules, so two deployments on one namespace never share a run. */
function scoped(taskQueue: string, workflowId: string): string {
  return new ScheduleIds(taskQueue).prefix === 'schedule/' ? workflowId : `${workflowId}/${taskQueue}`;
}

/**
 * The server's INVALID_ARGUMENT, which the schedule client rethrows as a TypeError ("CronString does not
 * have 5-7 fields"): only ever wrapped around the client's create and update calls.
 */
function invalidSpec(err: unknown): never {
  if (err instanceof TypeError) throw new InvalidScheduleError(err.message);
  throw err;
}
