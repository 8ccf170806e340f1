import type { Database } from '../db/client.js';
import { ProviderRateRepository } from '../db/repositories/provider-rate-repository.js';
import { ProviderPacer, type CallPriority } from './http/provider-pacer.js';
import { createProcessor } from './processors/create-processor.js';
import { ProviderRegistry } from './registry.js';

/**
 * The registry of a process that calls providers (a worker, the API): its processors' every HTTP request
 * books a slot on the provider's schedule in Postgres, which all processes share. `currentPriority` says
 * whose request is being sent; a person's when not given.
 */
export function pacedProviderRegistry(db: Database, currentPriority?: () => CallPriority): ProviderRegistry {
  const pacer = new ProviderPacer(new ProviderRateRepository(db), currentPriority ? { currentPriority } : {});
  return new ProviderRegistry((kind) => createProcessor(kind, pacer));
}
