import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';

/** At most this many rows of each list; the counts say how many there are in all. */
export const ACTIVITY_LIST_LIMIT = 200;

export type RunningScan = {
  scanId: string;
  libraryId: string;
  libraryName: string;
  startedAt: string;
  directoriesTotal: number;
  directoriesScanned: number;
};

export type PipelinesInFlight = {
  libraryId: string;
  libraryName: string;
  titles: number;
};

export type ActiveItem = {
  itemId: string;
  requestId: string;
  name: string;
  status: string;
  progress: number;
  failedStep: string | null;
  lastError: string | null;
  release: string | null;
  /** A release found that waits for a person's approval. */
  awaitingApproval: boolean;
  updatedAt: string;
};

export type RetryingSend = {
  service: string;
  messageId: string;
  attempts: number;
  lastError: string | null;
  since: string;
};

/**
 * What runs now and what waits for a person, read in one round trip of small indexed queries, so that
 * polling it every second stays cheap however large the library is.
 */
export class ActivityRepository {
  constructor(private readonly db: Database) {}

  async snapshot(): Promise<{
    scans: RunningScan[];
    pipelines: PipelinesInFlight[];
    items: ActiveItem[];
    itemCounts: { active: number; awaitingApproval: number; failed: number };
    sends: RetryingSend[];
  }> {
    const [scans, pipelines, items, counts, sends] = await Promise.all([
      this.db.execute<RunningScan>(sql`
        select r.id as "scanId", r.library_id as "libraryId", l.name as "libraryName", r.started_at as "startedAt",
               (select count(*)::int from library_folders f where f.library_id = r.library_id and f.present) as "directoriesTotal",
               (select count(*)::int from library_folders f where f.scanned_scan_id = r.id) as "directoriesScanned"
        from scan_runs r join libraries l on l.id = r.library_id
        where r.status = 'running' order by r.started_at`),
      this.db.execute<PipelinesInFlight>(sql`
        select t.library_id as "libraryId", l.name as "libraryName", count(*)::int as titles
        from (select library_id from movies where change_seq > pipeline_seq and deleted_at is null
              union all select library_id from shows where change_seq > pipeline_seq and deleted_at is null) t
        join libraries l on l.id = t.library_id
        group by t.library_id, l.name order by l.name`),
      this.db.execute<ActiveItem>(sql`
        select i.id as "itemId", i.request_id as "requestId",
               coalesce(r.title, 'Untitled') || case when r.year is null then '' else ' (' || r.year || ')' end
                 || case when r.type = 'tv' then ' S' || lpad(i.season_number::text, 2, '0') || 'E' || lpad(i.episode_number::text, 2, '0') else '' end as name,
               i.status::text as status, i.progress, i.failed_step as "failedStep", i.last_error as "lastError",
               i.selected_release->>'title' as release, (i.status = 'FOUND' and r.require_approval) as "awaitingApproval", i.updated_at as "updatedAt"
        from processing_items i join requests r on r.id = i.request_id
        where i.status not in ('COMPLETED', 'CANCELLED', 'PENDING', 'AWAITING')
        order by (i.status = 'FAILED'), i.updated_at desc limit ${ACTIVITY_LIST_LIMIT}`),
      this.db.execute<{ active: number; awaitingApproval: number; failed: number }>(sql`
        select count(*) filter (where i.status not in ('FAILED', 'PENDING', 'AWAITING'))::int as active,
               count(*) filter (where i.status = 'FOUND' and r.require_approval)::int as "awaitingApproval",
               count(*) filter (where i.status = 'FAILED')::int as failed
        from processing_items i join requests r on r.id = i.request_id
        where i.status not in ('COMPLETED', 'CANCELLED')`),
      this.db.execute<RetryingSend>(sql`
        select service, message_id as "messageId", attempts, last_error as "lastError", first_attempt_at as since
        from notification_sends where state = 'failed' and updated_at > now() - interval '7 days'
        order by updated_at desc limit ${ACTIVITY_LIST_LIMIT}`),
    ]);
    const iso = (value: unknown) => new Date(value as string).toISOString();
    return {
      scans: [...scans].map((s) => ({ ...s, startedAt: iso(s.startedAt) })),
      pipelines: [...pipelines],
      items: [...items].map((i) => ({ ...i, updatedAt: iso(i.updatedAt) })),
      itemCounts: counts[0] ?? { active: 0, awaitingApproval: 0, failed: 0 },
      sends: [...sends].map((s) => ({ ...s, since: iso(s.since) })),
    };
  }
}
