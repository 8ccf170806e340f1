import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
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
});
