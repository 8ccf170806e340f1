import type { Database } from '../../db/client.js';
import { IndexerRepository, type IndexerInput } from '../../db/repositories/indexer-repository.js';
import type { IndexerRow } from '../../db/schema/index.js';
import { TorznabClient, type TorznabCaps } from '../../integrations/torznab/torznab-client.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';
import { ConflictError, InvalidRequestError } from '../service-errors.js';
import { torznabEndpoint } from './configured-indexers.js';

/** An indexer as the API shows it: never its key, only whether it has one. */
export interface IndexerView {
  id: number;
  name: string;
  url: string;
  hasApiKey: boolean;
  categories: number[];
  priority: number;
  enabled: boolean;
  managedBy: IndexerRow['managedBy'];
  extraFields: { name: string; value: unknown }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface IndexerChanges {
  name?: string;
  url?: string;
  /** A new key; null removes it; undefined keeps the stored one. */
  apiKey?: string | null;
  categories?: number[];
  priority?: number;
  enabled?: boolean;
  managedBy?: IndexerRow['managedBy'];
  extraFields?: { name: string; value: unknown }[];
}

export type IndexerTestResult = { ok: true; caps: TorznabCaps } | { ok: false; error: string };

/** Torznab indexers for people (/api/indexers) and Prowlarr (/api/v3/indexer): one set of rules for both. */
export class IndexerService {
  private readonly repository: IndexerRepository;

  constructor(
    db: Database,
    private readonly cipher: CredentialsCipher,
  ) {
    this.repository = new IndexerRepository(db);
  }

  async list(): Promise<IndexerView[]> {
    return (await this.repository.list()).map(view);
  }

  async get(id: number): Promise<IndexerView | undefined> {
    const row = await this.repository.get(id);
    return row ? view(row) : undefined;
  }

  async create(input: IndexerChanges & { name: string; url: string }, fieldPrefix = 'body'): Promise<IndexerView> {
    checkUrl(input.url, `${fieldPrefix}.url`);
    if (await this.repository.nameTaken(input.name))
      throw new ConflictError(`${fieldPrefix}.name: an indexer named "${input.name}" exists`);
    const row: IndexerInput = {
      name: input.name,
      url: input.url,
      apiKeyEncrypted: input.apiKey ? this.cipher.encrypt(input.apiKey) : null,
      categories: input.categories ?? [2000, 5000],
      priority: input.priority ?? 25,
      enabled: input.enabled ?? true,
      managedBy: input.managedBy ?? 'api',
      extraFields: input.extraFields ?? [],
    };
    const created = await this.repository.create(row);
    if (!created) throw new ConflictError(`${fieldPrefix}.name: an indexer named "${input.name}" exists`);
    return view(created);
  }

  async update(id: number, changes: IndexerChanges, fieldPrefix = 'body'): Promise<IndexerView | undefined> {
    if (changes.url !== undefined) checkUrl(changes.url, `${fieldPrefix}.url`);
    if (changes.name !== undefined && (await this.repository.nameTaken(changes.name, id)))
      throw new ConflictError(`${fieldPrefix}.name: an indexer named "${changes.name}" exists`);
    const { apiKey, ...rest } = changes;
    const row = await this.repository.update(id, {
      ...rest,
      ...(apiKey === undefined ? {} : { apiKeyEncrypted: apiKey ? this.cipher.encrypt(apiKey) : null }),
    });
    return row ? view(row) : undefined;
  }

  delete(id: number): Promise<boolean> {
    return this.repository.delete(id);
  }

  /** Asks a stored indexer for its caps. */
  async test(id: number): Promise<IndexerTestResult | undefined> {
    const row = await this.repository.get(id);
    return row ? testEndpoint(torznabEndpoint(row, this.cipher)) : undefined;
  }

  /** Asks an indexer not stored yet (Prowlarr tests before it adds). */
  testUnsaved(url: string, apiKey: string | undefined, fieldPrefix = 'body'): Promise<IndexerTestResult> {
    checkUrl(url, `${fieldPrefix}.url`);
    const endpoint = new URL(url);
    if (apiKey) endpoint.searchParams.set('apikey', apiKey);
    return testEndpoint({ name: endpoint.host, apiUrl: endpoint.toString() });
  }
}

async function testEndpoint(endpoint: { name: string; apiUrl: string }): Promise<IndexerTestResult> {
  try {
    return { ok: true, caps: await new TorznabClient(endpoint, 10_000).capabilities() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

function checkUrl(url: string, field: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidRequestError(`${field}: not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidRequestError(`${field}: must be an http(s) URL`);
  if (parsed.searchParams.has('apikey'))
    throw new InvalidRequestError(`${field}: give the API key as apiKey, not in the URL (it is stored encrypted)`);
}

function view(row: IndexerRow): IndexerView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    hasApiKey: row.apiKeyEncrypted !== null,
    categories: row.categories,
    priority: row.priority,
    enabled: row.enabled,
    managedBy: row.managedBy,
    extraFields: row.extraFields,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
