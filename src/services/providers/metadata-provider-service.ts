import type { Database } from '../../db/client.js';
import {
  maskCredentials,
  ProviderNameTakenError,
  ProviderRepository,
  type MaskedProvider,
  type NewProvider,
  type ProviderPatch,
} from '../../db/repositories/provider-repository.js';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { credentialProblem, PROVIDER_DEFAULTS } from '../../contracts/provider-kinds.js';
import { ProviderError } from '../../providers/http/errors.js';
import type { RunLogger } from '../../providers/processing-context.js';
import { createContext, type ProviderRegistry } from '../../providers/registry.js';
import type { ProviderId } from '../../providers/types.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../service-errors.js';
import { refuseMovedCredentials } from './stored-credentials.js';

export interface MetadataProviderServiceDeps {
  db: Database;
  credentialsCipher: CredentialsCipher;
  /** Kept in step with the table in this process (a worker elsewhere registers providers on their next run). */
  providerRegistry: ProviderRegistry;
}

/** A new provider: kind, name and credentials; the rest falls back to the kind's defaults. */
export type MetadataProviderInput = Pick<NewProvider, 'kind' | 'name' | 'credentials'> &
  Partial<Omit<NewProvider, 'kind' | 'name' | 'credentials'>>;

/**
 * Configured metadata providers (TMDB, TVDB, Fanart.tv, MusicBrainz). Credentials are checked against the
 * kind's needs, go only to the origin they were entered for, and never come back out unmasked.
 */
export class MetadataProviderService {
  private readonly providers: ProviderRepository;

  constructor(private readonly deps: MetadataProviderServiceDeps) {
    this.providers = new ProviderRepository(deps.db, deps.credentialsCipher);
  }

  /** In the order they are asked. */
  list(): Promise<MaskedProvider[]> {
    return this.providers.listMasked();
  }

  async get(id: string): Promise<MaskedProvider> {
    const provider = await this.providers.getMasked(id);
    if (!provider) throw new NotFoundError('Provider');
    return provider;
  }

  async create(input: MetadataProviderInput): Promise<MaskedProvider> {
    const { kind, credentials } = input;
    checkCredentials(kind, credentials);
    const defaults = PROVIDER_DEFAULTS[kind];
    const created = await this.providers
      .create({
        kind,
        name: input.name,
        enabled: input.enabled ?? true,
        priority: input.priority ?? 0,
        baseUrl: input.baseUrl ?? defaults.baseUrl,
        credentials,
        rateLimitPerSecond: input.rateLimitPerSecond ?? defaults.rateLimitPerSecond,
        timeoutMs: input.timeoutMs ?? defaults.timeoutMs,
      })
      .catch(conflictOnName);
    this.deps.providerRegistry.update(created);
    return { ...created, credentials: maskCredentials(kind, credentials) };
  }

  /** Credentials, when given, replace the stored ones as a whole. */
  async update(id: string, patch: ProviderPatch): Promise<MaskedProvider> {
    const existing = await this.get(id);
    if (patch.credentials !== undefined) checkCredentials(existing.kind, patch.credentials);
    refuseMovedCredentials(existing, patch);
    if (!(await this.providers.update(id, patch).catch(conflictOnName))) throw new NotFoundError('Provider');
    this.deps.providerRegistry.update(existing);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.providers.delete(id))) throw new NotFoundError('Provider');
    this.deps.providerRegistry.remove(id);
  }

  /**
   * Checks the stored credentials with the provider's cheapest authenticated call. The provider's answer
   * (refused, no answer in time) and credentials that cannot be decrypted are the result, not an error.
   */
  async testCredentials(id: string, log: RunLogger): Promise<{ ok: boolean; error?: string }> {
    const config = await this.providers.get(id).catch((error: unknown) => {
      if (error instanceof CredentialsDecryptError) return error;
      throw error;
    });
    if (config instanceof CredentialsDecryptError) return { ok: false, error: config.message };
    if (!config) throw new NotFoundError('Provider');
    const processor = this.deps.providerRegistry.update(config);
    const context = createContext(config, log);
    try {
      await processor.testCredentials(context);
      return { ok: true };
    } catch (error) {
      if (error instanceof ProviderError) return { ok: false, error: error.message };
      throw error;
    } finally {
      context.reset();
    }
  }
}

function checkCredentials(kind: ProviderId, credentials: Record<string, string>): void {
  const problem = credentialProblem(kind, credentials);
  if (problem) throw new InvalidRequestError(`body.credentials.${problem.field}: ${problem.message}`);
}

function conflictOnName(error: unknown): never {
  if (error instanceof ProviderNameTakenError) throw new ConflictError(error.message);
  throw error;
}
