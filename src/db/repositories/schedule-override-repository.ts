import { eq, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { scheduleOverrides, type ScheduleOverrideRow } from '../schema/index.js';

export interface ScheduleOverride {
  intervalSeconds: number | null;
  cron: string | null;
  paused: boolean | null;
}

/** Edits made to schedules through the API, laid over the configured schedules at every sync. */
export class ScheduleOverrideRepository {
  constructor(private readonly db: Database) {}

  async all(): Promise<Map<string, ScheduleOverrideRow>> {
    const rows = await this.db.select().from(scheduleOverrides);
    return new Map(rows.map((row) => [row.scheduleId, row]));
  }

  async get(scheduleId: string): Promise<ScheduleOverrideRow | undefined> {
    const [row] = await this.db.select().from(scheduleOverrides).where(eq(scheduleOverrides.scheduleId, scheduleId));
    return row;
  }

  async save(scheduleId: string, override: ScheduleOverride): Promise<void> {
    await this.db
      .insert(scheduleOverrides)
      .values({ scheduleId, ...override })
      .onConflictDoUpdate({ target: scheduleOverrides.scheduleId, set: { ...override, updatedAt: dsql`now()` } });
  }

  async delete(scheduleId: string): Promise<void> {
    await this.db.delete(scheduleOverrides).where(eq(scheduleOverrides.scheduleId, scheduleId));
  }
}
