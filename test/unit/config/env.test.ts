import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.js';
import { DEFAULT_PIPELINE_TIMINGS } from '../../../src/config/request-pipeline-settings.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      temporalAddress: undefined,
      temporalNamespace: 'default',
      taskQueue: 'reelflow',
      apiKey: undefined,
      port: 3000,
      temporalUiPort: 8233,
      mediaRoots: [],
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/reelflow',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_NAMESPACE: 'media',
      REELFLOW_API_KEY: 'k'.repeat(32),
      REELFLOW_DATA_DIR: '/var/lib/reelflow',
      PORT: '8080',
      MEDIA_ROOTS: '/mnt/movies, /mnt/tv',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/reelflow',
      temporalAddress: 'temporal:7233',
      temporalNamespace: 'media',
      apiKey: 'k'.repeat(32),
      dataDir: '/var/lib/reelflow',
      port: 8080,
      mediaRoots: ['/mnt/movies', '/mnt/tv'],
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: ' ', REELFLOW_API_KEY: '' })).toMatchObject({
      databaseUrl: undefined,
      temporalAddress: undefined,
      apiKey: undefined,
    });
  });

  it('names the variable, what it expects and what it got', () => {
    const [problem] = problemsOf({ PORT: 'eighty' });
    expect(problem).toMatch(/^PORT: expected .*port.*, got "eighty"$/);
    expect(problemsOf({ PORT: '70000' })[0]).toMatch(/^PORT: expected a port between 1 and 65535/);
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(
      /^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ connection URL/,
    );
    expect(problemsOf({ TEMPORAL_ADDRESS: 'http://x:7233' })[0]).toMatch(/^TEMPORAL_ADDRESS: expected host:port/);
    expect(problemsOf({ REELFLOW_API_KEY: 'short' })[0]).toMatch(/^REELFLOW_API_KEY: expected at least 16 characters/);
    expect(problemsOf({ MEDIA_ROOTS: '/ok,relative/dir' })[0]).toMatch(
      /^MEDIA_ROOTS: expected comma-separated absolute paths, got relative "relative\/dir"/,
    );
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' }).map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL']);
  });

  it('reads REELFLOW_METRICS_AUTH: the key by default, none to open /metrics', () => {
    expect(loadConfig({}).metricsAuth).toBe('key');
    expect(loadConfig({ REELFLOW_METRICS_AUTH: 'none' }).metricsAuth).toBe('none');
    expect(problemsOf({ REELFLOW_METRICS_AUTH: 'open' })[0]).toMatch(
      /^REELFLOW_METRICS_AUTH: expected key \(the API key is needed\) or none/,
    );
  });

  it("reads the request pipeline's durations in seconds, defaulting to the production ones", () => {
    expect(loadConfig({}).requestPipeline.timings).toEqual(DEFAULT_PIPELINE_TIMINGS);
    const config = loadConfig({
      REELFLOW_DOWNLOAD_POLL_SECONDS: '0.5',
      REELFLOW_DOWNLOAD_STALL_SECONDS: '600',
      REELFLOW_AIR_DATE_DELAY_SECONDS: '0',
      REELFLOW_SEARCH_RETRY_SECONDS: '60',
      REELFLOW_SEARCH_RETRY_MAX_SECONDS: '3600',
      REELFLOW_HEARTBEAT_TIMEOUT_SECONDS: '30',
      REELFLOW_STEP_RETRY_WINDOW_SECONDS: '0',
    });
    expect(config.requestPipeline.timings).toEqual({
      downloadPollMs: 500,
      downloadStallMs: 600_000,
      airDateDelayMs: 0,
      searchRetryMs: 60_000,
      searchRetryMaxMs: 3_600_000,
      heartbeatTimeoutMs: 30_000,
      stepRetryWindowMs: 0,
    });
    // A poll or back-off of 0 would spin: only the air-date delay may be 0.
    expect(problemsOf({ REELFLOW_DOWNLOAD_POLL_SECONDS: '0', REELFLOW_SEARCH_RETRY_SECONDS: 'soon' })).toEqual([
      'REELFLOW_DOWNLOAD_POLL_SECONDS: expected more than 0 seconds, got "0"',
      expect.stringMatching(/^REELFLOW_SEARCH_RETRY_SECONDS: expected a number of seconds/),
    ]);
  });
});
