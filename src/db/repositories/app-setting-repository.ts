import { like, sql as dsql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { appSettings } from '../schema/index.js';

export interface AppSetting {
  key: string;
  value: unknown;
}

/** Settings edited at run time (`app_settings`), one row per key, read and written by key prefix. */
export class AppSettingRepository {
  constructor(private readonly db: Database) {}

  listByPrefix(prefix: string): Promise<AppSetting[]> {
    return this.db
      .select({ key: appSettings.key, value: appSettings.value })
      .from(appSettings)
      .where(like(appSettings.key, `${prefix}%`));
  }

  /** Inserts the settings that have no row yet; never overwrites a stored value. */
  async insertMissing(settings: AppSetting[]): Promise<void> {
    await this.db.insert(appSettings).values(settings).onConflictDoNothing();
  }

  /** Writes the settings in one transaction, one writer of the prefix at a time. */
  async write(prefix: string, settings: AppSetting[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(prefixLock(prefix));
      for (const { key, value } of settings) {
        await tx
          .insert(appSettings)
          .values({ key, value })
          .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: dsql`now()` } });
      }
    });
  }

  /** Replaces every setting under the prefix with these, in one transaction, one writer of the prefix at a time. */
  async replacePrefix(prefix: string, settings: AppSetting[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(prefixLock(prefix));
      await tx.delete(appSettings).where(like(appSettings.key, `${prefix}%`));
      // Two replacements at once: the second's delete does not see the first's new rows, so its insert must not conflict.
      await tx
        .insert(appSettings)
        .values(settings)
        .onConflictDoUpdate({ target: appSettings.key, set: { value: dsql`excluded.value` } });
    });
  }
}

/** Replacements and writes of one prefix touch the same rows in different orders: one at a time, so they cannot deadlock. */
function prefixLock(prefix: string) {
  return dsql`select pg_advisory_xact_lock(hashtext(${`reelflow.app-settings.${prefix}`}))`;
}
