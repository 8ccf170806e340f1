import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.js';
import { DEFAULT_UPGRADE_TIMINGS } from '../../../src/config/request-pipeline-settings.js';

describe('loadConfig: upgrade search', () => {
  it('reads the window and back-off in seconds, defaulting to 14 days, 6 hours and a day', () => {
    expect(loadConfig({}).requestPipeline.upgradeTimings).toEqual(DEFAULT_UPGRADE_TIMINGS);
    expect(DEFAULT_UPGRADE_TIMINGS).toEqual({
      upgradeWindowMs: 14 * 86_400_000,
      upgradeSearchMs: 21_600_000,
      upgradeSearchMaxMs: 86_400_000,
    });
    const config = loadConfig({
      REELFLOW_UPGRADE_WINDOW_SECONDS: '0',
      REELFLOW_UPGRADE_SEARCH_SECONDS: '1.5',
      REELFLOW_UPGRADE_SEARCH_MAX_SECONDS: '60',
    });
    expect(config.requestPipeline.upgradeTimings).toEqual({ upgradeWindowMs: 0, upgradeSearchMs: 1_500, upgradeSearchMaxMs: 60_000 });
  });

  it('refuses a back-off of 0, which would spin, naming the variable', () => {
    let problems: string[] = [];
    try {
      loadConfig({ REELFLOW_UPGRADE_SEARCH_SECONDS: '0' });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual(['REELFLOW_UPGRADE_SEARCH_SECONDS: expected more than 0 seconds, got "0"']);
  });
});
