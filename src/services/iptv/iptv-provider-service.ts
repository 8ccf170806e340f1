import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import {
  IptvProviderNameTakenError,
  IptvProviderRepository,
  maskIptvCredentials,
  type IptvProviderPatch,
  type MaskedIptvProvider,
  type NewIptvProvider,
} from '../../db/repositories/iptv-provider-repository.js';
import { ProviderTitleRepository, type TitleListFilter } from '../../db/repositories/provider-title-repository.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import { IPTV_DEFAULTS, iptvCredentialProblem, nameCleanupProblem, type IptvKind } from '../../contracts/iptv-providers.js';
import type { ProviderRegistry } from '../../providers/registry.js';
import type { ScheduleService } from '../../schedules/schedule-service.js';
import { iptvSyncWorkflowId } from '../../contracts/iptv.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../service-errors.js';
import { refuseMovedCredentials } from '../providers/stored-credentials.js';
import { startIptvSync, type StartedSync } from './start-iptv-sync.js';

export interface IptvProviderServiceDeps {
  db: Database;
  temporal: Client;
  taskQueue: string;
  credentialsCipher: CredentialsCipher;
  providerRegistry: ProviderRegistry;
  schedules: ScheduleService;
}

/** A new provider: kind, name and URL; everything else falls back to IPTV_DEFAULTS. */
export type IptvProviderInput = Pick<NewIptvProvider, 'kind' | 'name' | 'baseUrl'> &
  Partial<Omit<NewIptvProvider, 'kind' | 'name' | 'baseUrl'>>;

/** A provider as the API shows it: masked credentials and the id of its sync schedule. */
export type IptvProviderView = MaskedIptvProvider & { scheduleId: string };

/**
 * IPTV providers (Xtream Codes panels, M3U playlists), their synced catalogues and what each sync changed.
 * Creating, changing or deleting a provider keeps its processor in the registry and its sync schedule in
 * step; deleting one stops its running sync.
 */
export class IptvProviderService {
  private readonly providers: IptvProviderRepository;
  private readonly titles: ProviderTitleRepository;

  constructor(private readonly deps: IptvProviderServiceDeps) {
    this.providers = new IptvProviderRepository(deps.db, deps.credentialsCipher);
    this.titles = new ProviderTitleRepository(deps.db);
  }

  async list(): Promise<IptvProviderView[]> {
    return (await this.providers.listMasked()).map((p) => this.view(p));
  }

  async get(id: string): Promise<IptvProviderView> {
    return this.view(await this.masked(id));
  }

  async create(input: IptvProviderInput): Promise<IptvProviderView> {
    const credentials = input.credentials ?? {};
    checkSettings(input.kind, { credentials, ...(input.nameCleanup ? { nameCleanup: input.nameCleanup } : {}) });
    const created = await this.providers
      .create({
        kind: input.kind,
        name: input.name,
        enabled: input.enabled ?? true,
        baseUrl: input.baseUrl,
        credentials,
        categories: input.categories ?? IPTV_DEFAULTS.categories,
        nameCleanup: input.nameCleanup ?? [],
        maxConcurrent: input.maxConcurrent ?? IPTV_DEFAULTS.maxConcurrent,
        rateLimitRequests: input.rateLimitRequests ?? IPTV_DEFAULTS.rateLimitRequests,
        rateLimitWindowMs: input.rateLimitWindowMs ?? IPTV_DEFAULTS.rateLimitWindowMs,
        timeoutMs: input.timeoutMs ?? IPTV_DEFAULTS.timeoutMs,
        syncIntervalSeconds: input.syncIntervalSeconds ?? IPTV_DEFAULTS.syncIntervalSeconds,
      })
      .catch(conflictOnName);
    this.deps.providerRegistry.updateIptv(created);
    await this.deps.schedules.syncOne(this.deps.schedules.ids.iptvSync(created.id));
    return this.view({ ...created, credentials: maskIptvCredentials(created.kind, credentials) });
  }

  /** Applies to the provider's next sync and to its schedule. */
  async update(id: string, patch: IptvProviderPatch): Promise<IptvProviderView> {
    const existing = await this.masked(id);
    checkSettings(existing.kind, patch);
    refuseMovedCredentials(existing, patch);
    if (!(await this.providers.update(existing.id, patch).catch(conflictOnName))) throw new NotFoundError('IPTV provider');
    this.deps.providerRegistry.updateIptv(existing);
    await this.deps.schedules.syncOne(this.deps.schedules.ids.iptvSync(existing.id));
    return this.get(existing.id);
  }

  /** Removes the provider, its catalogue and its schedule. */
  async remove(id: string): Promise<void> {
    await this.requireExists(id);
    await this.deps.schedules.remove(this.deps.schedules.ids.iptvSync(id));
    // A sync of a provider that no longer exists has nothing left to do; should it write before the
    // cancellation lands, its activities find the provider gone and end the run as 'provider-deleted'.
    await this.deps.temporal.workflow
      .getHandle(iptvSyncWorkflowId(id))
      .cancel()
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
    await this.providers.delete(id);
    this.deps.providerRegistry.removeIptv(id);
  }

  /** Syncs the catalogue now, or answers with the sync already running. */
  async sync(id: string): Promise<StartedSync> {
    await this.requireExists(id);
    return startIptvSync(this.deps.temporal, this.deps.taskQueue, id);
  }

  /** Titles added and removed by the provider's syncs, newest first. */
  async changes(id: string, limit: number, syncId?: string) {
    await this.requireExists(id);
    return this.titles.changes(id, limit, syncId);
  }

  /** Catalogue titles as last synced. */
  titlesPage(filter: TitleListFilter) {
    return this.titles.list(filter);
  }

  private view(provider: MaskedIptvProvider): IptvProviderView {
    return { ...provider, scheduleId: this.deps.schedules.ids.iptvSync(provider.id) };
  }

  private async masked(id: string): Promise<MaskedIptvProvider> {
    const provider = await this.providers.getMasked(id);
    if (!provider) throw new NotFoundError('IPTV provider');
    return provider;
  }

  private async requireExists(id: string): Promise<void> {
    if (!(await this.providers.exists(id))) throw new NotFoundError('IPTV provider');
  }
}

function checkSettings(
  kind: IptvKind,
  settings: { credentials?: Record<string, string>; nameCleanup?: { pattern: string; replacement: string }[] },
): void {
  if (settings.credentials !== undefined) {
    const problem = iptvCredentialProblem(kind, settings.credentials);
    if (problem) throw new InvalidRequestError(`body.credentials.${problem.field}: ${problem.message}`);
  }
  if (settings.nameCleanup !== undefined) {
    const problem = nameCleanupProblem(settings.nameCleanup);
    if (problem) throw new InvalidRequestError(`body.nameCleanup.${problem.index}.pattern: ${problem.message}`);
  }
}

function conflictOnName(error: unknown): never {
  if (error instanceof IptvProviderNameTakenError) throw new ConflictError(error.message);
  throw error;
}
