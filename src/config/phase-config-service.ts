import type { z } from 'zod';
import type { Database } from '../db/client.js';
import { AppSettingRepository } from '../db/repositories/app-setting-repository.js';
import { DEFAULT_PHASE_CONFIG, phaseNames, phaseSchemas, type PhaseConfiguration, type PhaseName } from './phase-config.js';

const KEY_PREFIX = 'phase.';

/**
 * Reads and writes phase configuration in `app_settings`, one row per `phase.<phase>.<key>`. Not cached:
 * the API and every worker read the same rows, and a read is one indexed query per pipeline run.
 */
export class PhaseConfigService {
  private readonly settings: AppSettingRepository;

  constructor(db: Database) {
    this.settings = new AppSettingRepository(db);
  }

  /** Inserts the default of every key that has no row yet; never overwrites a stored value. */
  async ensureDefaults(): Promise<void> {
    await this.settings.insertMissing(defaultRows());
  }

  async getAll(): Promise<PhaseConfiguration> {
    const rows = await this.settings.listByPrefix(KEY_PREFIX);
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
    if (entries.length > 0)
      await this.settings.write(
        KEY_PREFIX,
        entries.map(([key, value]) => ({ key: `${KEY_PREFIX}${phase}.${key}`, value })),
      );
    return this.get(phase);
  }

  async reset(): Promise<PhaseConfiguration> {
    await this.settings.replacePrefix(KEY_PREFIX, defaultRows());
    return this.getAll();
  }
}

function defaultRows() {
  return phaseNames.flatMap((phase) =>
    Object.entries(DEFAULT_PHASE_CONFIG[phase]).map(([key, value]) => ({ key: `${KEY_PREFIX}${phase}.${key}`, value })),
  );
}
