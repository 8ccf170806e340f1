import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TEMPORAL_DYNAMIC_CONFIG } from '../../../src/runtime/temporal-dynamic-config.js';

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: (string | number | { target: number; published?: string | number; host_ip?: string })[];
}

const compose = parse(fs.readFileSync(path.resolve('docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };

/** The host address a port entry binds to; undefined means every interface. */
function hostIp(entry: NonNullable<ComposeService['ports']>[number]): string | undefined {
  if (typeof entry === 'object') return entry.host_ip;
  const text = String(entry);
  // HOST:PUBLISHED:TARGET; an IPv6 host is written in brackets.
  const match = /^(\[[^\]]+\]|[^:]+):[^:]+:[^:]+$/.exec(text);
  return match?.[1];
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', '::1']);

describe('docker-compose.yml', () => {
  const temporalServices = Object.entries(compose.services).filter(([, service]) => /temporalio\//.test(service.image ?? ''));

  it('has the Temporal server and its Web UI', () => {
    expect(temporalServices.map(([name]) => name).sort()).toEqual(['temporal', 'temporal-ui']);
  });

  it.each(temporalServices)('publishes %s on loopback only (it has no auth)', (_name, service) => {
    for (const entry of service.ports ?? []) expect(LOOPBACK.has(hostIp(entry) ?? '0.0.0.0'), `port ${JSON.stringify(entry)}`).toBe(true);
  });

  it("gives the Temporal server the dev server's dynamic config, from a file it mounts", () => {
    const temporal = compose.services.temporal!;
    // auto-setup reads DYNAMIC_CONFIG_FILE_PATH relative to /etc/temporal.
    const inContainer = path.posix.join('/etc/temporal', temporal.environment!.DYNAMIC_CONFIG_FILE_PATH!);
    const mount = (temporal.volumes ?? []).map((volume) => volume.split(':')).find(([, target]) => inContainer.startsWith(`${target}/`));
    expect(mount, `a volume holding ${inContainer}`).toBeDefined();
    const onHost = path.resolve(mount![0]!, path.posix.relative(mount![1]!, inContainer));
    const settings = parse(fs.readFileSync(onHost, 'utf8')) as Record<string, { value: unknown; constraints?: object }[]>;
    const values = Object.fromEntries(Object.entries(settings).map(([key, [setting]]) => [key, setting!.value]));
    expect(values).toEqual(TEMPORAL_DYNAMIC_CONFIG);
  });
});
