/**
 * Schedule ids. In the default deployment (task queue "reelflow") they are `schedule/<name>`; a deployment
 * on another task queue gets `schedule/<task queue>/<name>`, so two deployments sharing one Temporal
 * namespace (tests, staging) never edit each other's schedules — the same reasoning that names provider
 * task queues after the main one.
 */
export const DEFAULT_DEPLOYMENT_QUEUE = 'reelflow';

export type ScheduleKind = 'provider-refresh' | 'library-scan' | 'maintenance' | 'iptv-sync';

export class ScheduleIds {
  readonly prefix: string;

  constructor(taskQueue: string) {
    this.prefix = taskQueue === DEFAULT_DEPLOYMENT_QUEUE ? 'schedule/' : `schedule/${taskQueue}/`;
  }

  providerRefresh = () => `${this.prefix}provider-refresh`;
  maintenance = () => `${this.prefix}maintenance`;
  libraryScan = (libraryId: string) => `${this.prefix}library-scan/${libraryId}`;
  iptvSync = (providerId: string) => `${this.prefix}iptv-sync/${providerId}`;

  /** The kind and target of one of this deployment's schedule ids, or undefined for anyone else's. */
  parse(scheduleId: string): { kind: ScheduleKind; targetId: string | null } | undefined {
    if (!scheduleId.startsWith(this.prefix)) return undefined;
    const rest = scheduleId.slice(this.prefix.length);
    if (rest === 'provider-refresh' || rest === 'maintenance') return { kind: rest, targetId: null };
    const match = /^(library-scan|iptv-sync)\/([0-9a-f-]{36})$/.exec(rest);
    return match ? { kind: match[1] as ScheduleKind, targetId: match[2]! } : undefined;
  }
}
