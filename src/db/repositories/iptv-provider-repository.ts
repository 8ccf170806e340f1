import { asc, eq, sql as dsql } from 'drizzle-orm';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { IPTV_CREDENTIALS, type IptvProviderConfig } from '../../contracts/iptv-providers.js';
import type { Database } from '../client.js';
import { iptvProviders, type IptvProviderRow } from '../schema/index.js';

export type NewIptvProvider = Omit<IptvProviderConfig, 'id'>;
export type IptvProviderPatch = Partial<Omit<NewIptvProvider, 'kind'>>;

export interface IptvProviderRecord extends IptvProviderConfig {
  createdAt: Date;
  updatedAt: Date;
}

export interface MaskedIptvProvider extends IptvProviderRecord {
  credentialsError?: string;
}

export class IptvProviderNameTakenError extends Error {
  override readonly name = 'IptvProviderNameTakenError';
  constructor(providerName: string) {
    super(`An IPTV provider named "${providerName}" already exists`);
  }
}

/** The iptv_providers table; credentials encrypted on the way in with the same cipher as `providers`. */
export class IptvProviderRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: CredentialsCipher,
  ) {}

  async create(input: NewIptvProvider): Promise<IptvProviderRecord> {
    const { credentials, ...columns } = input;
    const [row] = await this.db
      .insert(iptvProviders)
      .values({ ...columns, credentialsEncrypted: this.cipher.encrypt(JSON.stringify(credentials)) })
      .returning()
      .catch(nameTaken(input.name));
    return toRecord(row!, credentials);
  }

  /** Decrypted; throws CredentialsDecryptError when another key wrote the credentials. */
  async get(id: string): Promise<IptvProviderRecord | undefined> {
    const [row] = await this.db.select().from(iptvProviders).where(eq(iptvProviders.id, id));
    return row && this.decrypted(row);
  }

  async exists(id: string): Promise<boolean> {
    const [row] = await this.db.select({ id: iptvProviders.id }).from(iptvProviders).where(eq(iptvProviders.id, id));
    return row !== undefined;
  }

  /** What the schedules need: no credentials. */
  listScheduling(): Promise<Pick<IptvProviderRow, 'id' | 'name' | 'kind' | 'enabled' | 'syncIntervalSeconds'>[]> {
    return this.db
      .select({
        id: iptvProviders.id,
        name: iptvProviders.name,
        kind: iptvProviders.kind,
        enabled: iptvProviders.enabled,
        syncIntervalSeconds: iptvProviders.syncIntervalSeconds,
      })
      .from(iptvProviders)
      .orderBy(asc(iptvProviders.name));
  }

  async getMasked(id: string): Promise<MaskedIptvProvider | undefined> {
    const [row] = await this.db.select().from(iptvProviders).where(eq(iptvProviders.id, id));
    return row && this.masked(row);
  }

  async listMasked(): Promise<MaskedIptvProvider[]> {
    const rows = await this.db.select().from(iptvProviders).orderBy(asc(iptvProviders.name));
    return rows.map((row) => this.masked(row));
  }

  async update(id: string, patch: IptvProviderPatch): Promise<boolean> {
    const { credentials, ...columns } = patch;
    const rows = await this.db
      .update(iptvProviders)
      .set({
        ...columns,
        ...(credentials === undefined ? {} : { credentialsEncrypted: this.cipher.encrypt(JSON.stringify(credentials)) }),
        updatedAt: dsql`now()`,
      })
      .where(eq(iptvProviders.id, id))
      .returning({ id: iptvProviders.id })
      .catch(nameTaken(patch.name ?? ''));
    return rows.length > 0;
  }

  /** Its titles and change records go with it (cascade). */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(iptvProviders).where(eq(iptvProviders.id, id)).returning({ id: iptvProviders.id });
    return rows.length > 0;
  }

  private decrypted(row: IptvProviderRow): IptvProviderRecord {
    try {
      return toRecord(row, JSON.parse(this.cipher.decrypt(row.credentialsEncrypted)) as Record<string, string>);
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError)) throw error;
      throw new CredentialsDecryptError(`IPTV provider "${row.name}" (${row.id}): ${error.message}`, { cause: error });
    }
  }

  private masked(row: IptvProviderRow): MaskedIptvProvider {
    try {
      const record = this.decrypted(row);
      return { ...record, credentials: maskIptvCredentials(record.kind, record.credentials) };
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError)) throw error;
      return { ...toRecord(row, {}), credentialsError: error.message };
    }
  }
}

export function maskIptvCredentials(kind: IptvProviderConfig['kind'], credentials: Record<string, string>): Record<string, string> {
  const secret = new Set(IPTV_CREDENTIALS[kind].secret);
  return Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, secret.has(name) ? '••••' : value]));
}

function toRecord(row: IptvProviderRow, credentials: Record<string, string>): IptvProviderRecord {
  const { credentialsEncrypted: _encrypted, ...rest } = row;
  return { ...rest, credentials };
}

function nameTaken(name: string) {
  return (error: unknown): never => {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    if ((cause as { code?: unknown } | undefined)?.code === '23505') throw new IptvProviderNameTakenError(name);
    throw error;
  };
}
