import { like, sql as dsql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../db/client.js';
import { appSettings } from '../db/schema/index.js';
import {
  DEFAULT_PHASE_CONFIG,
  phaseNames,
  phaseSchemas,
  type PhaseConfiguration,
  type PhaseName,
} from './phase-config.js';

const KEY_PREFIX = 'phase.';

/**
 * Reads and writes phase configuration in `app_settings`, one row per `phase.<phase>.<key>`. Not cached:
 * the API and every worker read the same rows, and a read is one indexed query per pipeline run.
 */
export class PhaseConfigService {
  constructor(private readonly db: Database) {}

  /** Inserts the default of every key that has no row yet; never overwrites a stored value. */
  async ensureDefaults(): Promise<void> {
    await this.db.insert(appSettings).values(defaultRows()).onConflictDoNothing();
  }

  async getAll(): Promise<PhaseConfiguration> {
    const rows = await this.db.select().from(appSettings).where(like(appSettings.key, `${KEY_PREFIX}%`));
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const config = structuredClone(DEFAULT_PHASE_CONFIG);
    for (const phase of phaseNames) {
      const shape = phaseSchemas[phase].shape as Record<string, z.ZodType>;
      const target = config[phase] as Record<string, unknown>;
      for (const [key, schema] of Object.entries(shape)) {
        const fullKey = `${KEY_PREFIX}${phase}.${key}`;
        if (!stored.has(fullKey)) continue;
        // A row edited by hand into an invalid value must not break every pipeline: keep the default.
        const parsed = schema.safeParse(stored.get(fullKey));
        if (parsed.success) target[key] = parsed.data;
      }
    }
    return config;
  }

  async get<P extends PhaseName>(phase: P): Promise<PhaseConfiguration[P]> {
    return (await this.getAll())[phase];
  }

  /** Writes the given keys of one phase in one transaction. The patch must already be validated. */
  async update<P extends PhaseName>(phase: P, patch: Partial<PhaseConfiguration[P]>): Promise<PhaseConfiguration[P]> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (entries.length > 0) {
      await this.db.transaction(async (tx) => {
        await tx.execute(PHASE_CONFIG_LOCK);
        for (const [key, value] of entries) {
          await tx
            .insert(appSettings)
            .values({ key: `${KEY_PREFIX}${phase}.${key}`, value })
            .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: dsql`now()` } });
        }
      });
    }
    return this.get(phase);
  }

  async reset(): Promise<PhaseConfiguration> {
    await this.db.transaction(async (tx) => {
      await tx.execute(PHASE_CONFIG_LOCK);
      await tx.delete(appSettings).where(like(appSettings.key, `${KEY_PREFIX}%`));
      // Two resets at once: the second's delete does not see the first's new rows, so its insert must not conflict.
      await tx
        .insert(appSettings)
        .values(defaultRows())
        .onConflictDoUpdate({ target: appSettings.key, set: { value: dsql`excluded.value` } });
    });
    return this.getAll();
  }
}

/** Resets and updates touch the same rows in different orders: one at a time, so they cannot deadlock. */
const PHASE_CONFIG_LOCK = dsql`select pg_advisory_xact_lock(hashtext('reelflow.phase-config'))`;

function defaultRows() {
  return phaseNames.flatMap((phase) =>
    Object.entries(DEFAULT_PHASE_CONFIG[phase]).map(([key, value]) => ({ key: `${KEY_PREFIX}${phase}.${key}`, value })),
  );
}
