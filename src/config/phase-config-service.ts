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
      const target = config[phase] as Record<string, unknown>;
      for (const key of Object.keys(phaseSchemas[phase].shape)) {
        const fullKey = phaseSettingKey(phase, key);
        if (stored.has(fullKey)) target[key] = storedValue(phase, key, stored.get(fullKey), target[key]);
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

/** The app_settings key of one phase setting. */
export function phaseSettingKey(phase: PhaseName, key: string): string {
  return `${KEY_PREFIX}${phase}.${key}`;
}

/**
 * What one phase setting is, given its stored value (undefined when it has no row), exactly as getAll reads
 * it: for a caller that reads the row itself, with other rows in one statement.
 */
export function phaseSettingFromStored<P extends PhaseName, K extends keyof PhaseConfiguration[P] & string>(
  phase: P,
  key: K,
  stored: unknown,
): PhaseConfiguration[P][K] {
  const fallback = DEFAULT_PHASE_CONFIG[phase][key];
  return stored === undefined ? fallback : (storedValue(phase, key, stored, fallback) as PhaseConfiguration[P][K]);
}

function storedValue(phase: PhaseName, key: string, stored: unknown, fallback: unknown): unknown {
  const schema = (phaseSchemas[phase].shape as Record<string, z.ZodType>)[key]!;
  // A row edited by hand into an invalid value must not break every pipeline: keep the default.
  const parsed = schema.safeParse(stored);
  return parsed.success ? parsed.data : fallback;
}

function defaultRows() {
  return phaseNames.flatMap((phase) =>
    Object.entries(DEFAULT_PHASE_CONFIG[phase]).map(([key, value]) => ({ key: `${KEY_PREFIX}${phase}.${key}`, value })),
  );
}
