import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';

/** A slot was reserved: send the request in `delayMs` (0 or less: now) from `postgresNow`. */
export interface ReservedSlot {
  reserved: true;
  delayMs: number;
  /** Postgres's clock when it answered, in epoch milliseconds: how late the answer arrived is told from it. */
  postgresNow: number;
}

/** No slot was taken: the schedule is booked further ahead than the caller accepts; it frees up in `nextInMs`. */
export interface RefusedSlot {
  reserved: false;
  nextInMs: number;
}

export type SlotAnswer = ReservedSlot | RefusedSlot;

interface SlotRow extends Record<string, unknown> {
  delay_ms: number | string | null;
  next_in_ms: number | string | null;
  now_ms: number | string;
}

/**
 * Each metadata provider's request schedule in Postgres (provider_rate_slots), so that every process
 * calling a provider shares one: a GCRA ("virtual scheduling") with no burst. Times are Postgres's
 * clock_timestamp(), never a process's clock, so workers on machines whose clocks differ agree.
 */
export class ProviderRateRepository {
  constructor(private readonly db: Database) {}

  /**
   * Reserves the provider's next slot, `spacingMs` after the one before it (or now, if the schedule is
   * idle), in one statement: concurrent callers queue on the row and each gets its own slot. With
   * `withinMs`, only if that slot is at most this far ahead; otherwise nothing is taken.
   */
  async reserve(providerId: string, spacingMs: number, options: { withinMs?: number } = {}): Promise<SlotAnswer> {
    const spacing = sql`(${spacingMs}::double precision * interval '1 millisecond')`;
    const onlyIfNear =
      options.withinMs === undefined
        ? sql``
        : sql`where s.next_at <= clock_timestamp() + ${options.withinMs}::double precision * interval '1 millisecond'`;
    const [row] = await this.db.execute<SlotRow>(sql`
      with reserved as (
        insert into provider_rate_slots as s (provider_id, next_at)
        values (${providerId}::uuid, clock_timestamp() + ${spacing})
        on conflict (provider_id) do update
          set next_at = greatest(s.next_at, clock_timestamp()) + ${spacing}
          ${onlyIfNear}
        returning extract(epoch from (s.next_at - ${spacing}) - clock_timestamp()) * 1000 as delay_ms
      )
      select (select delay_ms from reserved) as delay_ms,
             extract(epoch from clock_timestamp()) * 1000 as now_ms,
             (select extract(epoch from next_at - clock_timestamp()) * 1000
                from provider_rate_slots where provider_id = ${providerId}::uuid) as next_in_ms`);
    if (row?.delay_ms !== null && row?.delay_ms !== undefined) {
      return { reserved: true, delayMs: Number(row.delay_ms), postgresNow: Number(row.now_ms) };
    }
    return { reserved: false, nextInMs: Number(row?.next_in_ms ?? 0) };
  }

  /** No slot before `delayMs` from now (the provider said 429, retry after): every caller waits. */
  async pushBack(providerId: string, delayMs: number): Promise<void> {
    const until = sql`clock_timestamp() + ${delayMs}::double precision * interval '1 millisecond'`;
    await this.db.execute(sql`
      insert into provider_rate_slots as s (provider_id, next_at) values (${providerId}::uuid, ${until})
      on conflict (provider_id) do update set next_at = greatest(s.next_at, ${until})`);
  }
}
