import { asc, eq, sql as dsql } from 'drizzle-orm';
import { CredentialsDecryptError, type CredentialsCipher } from '../../security/credentials-cipher.js';
import { PROVIDER_DEFAULTS } from '../../contracts/provider-kinds.js';
import type { ProviderConfig } from '../../providers/processing-context.js';
import type { ProviderIdentity } from '../../providers/registry.js';
import type { ProviderId } from '../../providers/types.js';
import type { Database } from '../client.js';
import { providers, type ProviderRow } from '../schema/providers.js';

export type NewProvider = Omit<ProviderConfig, 'id'>;

/** Everything but the kind can change; credentials, when given, replace the stored ones as a whole. */
export type ProviderPatch = Partial<Omit<NewProvider, 'kind'>>;

/** A provider with decrypted credentials: for processors only, never for an API answer or a log line. */
export interface ProviderRecord extends ProviderConfig {
  createdAt: Date;
  updatedAt: Date;
}

/** What the API shows: credential values masked (secret ones) or as entered (a contact address). */
export interface MaskedProvider extends Omit<ProviderRecord, 'credentials'> {
  credentials: Record<string, string>;
  /** Set instead of credentials when the stored ones cannot be decrypted with the current key. */
  credentialsError?: string;
}

/** Another provider already has this name (the name is unique). */
export class ProviderNameTakenError extends Error {
  override readonly name = 'ProviderNameTakenError';
  constructor(readonly providerName: string) {
    super(`A provider named "${providerName}" already exists`);
  }
}

const byPriority = [asc(providers.priority), asc(providers.name)];

/** The providers table. Credentials are encrypted on the way in and decrypted only on request. */
export class ProviderRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: CredentialsCipher,
  ) {}

  async create(input: NewProvider): Promise<ProviderRecord> {
    const { credentials, ...columns } = input;
    const [row] = await this.db
      .insert(providers)
      .values({ ...columns, credentialsEncrypted: this.encrypt(credentials) })
      .returning()
      .catch(nameTaken(input.name));
    return toRecord(row!, credentials);
  }

  /** Decrypted; throws CredentialsDecryptError when another key wrote the credentials. */
  async get(id: string): Promise<ProviderRecord | undefined> {
    const [row] = await this.db.select().from(providers).where(eq(providers.id, id));
    return row && this.decrypted(row);
  }

  /** Every provider, in the order they are asked: priority, then name. */
  async list(): Promise<ProviderRecord[]> {
    const rows = await this.db
      .select()
      .from(providers)
      .orderBy(...byPriority);
    return rows.map((row) => this.decrypted(row));
  }

  async listEnabled(): Promise<ProviderRecord[]> {
    const rows = await this.db
      .select()
      .from(providers)
      .where(eq(providers.enabled, true))
      .orderBy(...byPriority);
    return rows.map((row) => this.decrypted(row));
  }

  /** Ids and kinds only, which is all the registry needs: a worker starts even if a key cannot be read. */
  listIdentities(): Promise<ProviderIdentity[]> {
    return this.db
      .select({ id: providers.id, kind: providers.kind })
      .from(providers)
      .orderBy(...byPriority);
  }

  async getMasked(id: string): Promise<MaskedProvider | undefined> {
    const [row] = await this.db.select().from(providers).where(eq(providers.id, id));
    return row && this.masked(row);
  }

  async listMasked(): Promise<MaskedProvider[]> {
    const rows = await this.db
      .select()
      .from(providers)
      .orderBy(...byPriority);
    return rows.map((row) => this.masked(row));
  }

  /** False when there is no such provider. */
  async update(id: string, patch: ProviderPatch): Promise<boolean> {
    const { credentials, ...columns } = patch;
    const rows = await this.db
      .update(providers)
      .set({
        ...columns,
        ...(credentials === undefined ? {} : { credentialsEncrypted: this.encrypt(credentials) }),
        updatedAt: dsql`now()`,
      })
      .where(eq(providers.id, id))
      .returning({ id: providers.id })
      .catch(nameTaken(patch.name ?? ''));
    return rows.length > 0;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(providers).where(eq(providers.id, id)).returning({ id: providers.id });
    return rows.length > 0;
  }

  private encrypt(credentials: Record<string, string>): string {
    return this.cipher.encrypt(JSON.stringify(credentials));
  }

  private decrypted(row: ProviderRow): ProviderRecord {
    try {
      return toRecord(row, JSON.parse(this.cipher.decrypt(row.credentialsEncrypted)) as Record<string, string>);
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError)) throw error;
      // The same error class, so callers can still tell it apart, but naming the provider to fix.
      throw new CredentialsDecryptError(`Provider "${row.name}" (${row.id}): ${error.message}`, { cause: error });
    }
  }

  private masked(row: ProviderRow): MaskedProvider {
    try {
      const { credentials, ...rest } = this.decrypted(row);
      return { ...rest, credentials: maskCredentials(row.kind, credentials) };
    } catch (error) {
      if (!(error instanceof CredentialsDecryptError)) throw error;
      // Listing must keep working after a key change, so a person can see which providers need new credentials.
      return { ...toRecord(row, {}), credentialsError: error.message };
    }
  }
}

const MASK = '••••';
/** Only a long value shows its last 4 characters; from a short one (a PIN) they would give too much away. */
const SHOW_TAIL_FROM_LENGTH = 16;

export function maskCredentials(kind: ProviderId, credentials: Record<string, string>): Record<string, string> {
  const fields = new Map(PROVIDER_DEFAULTS[kind].credentialFields.map((field) => [field.name, field]));
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => {
      if (fields.get(name)?.secret === false) return [name, value];
      return [name, value.length >= SHOW_TAIL_FROM_LENGTH ? `${MASK}${value.slice(-4)}` : MASK];
    }),
  );
}

function toRecord(row: ProviderRow, credentials: Record<string, string>): ProviderRecord {
  const { credentialsEncrypted: _encrypted, ...rest } = row;
  return { ...rest, credentials };
}

/** Turns the unique-name violation (Postgres 23505; drizzle wraps the driver's error) into ProviderNameTakenError. */
function nameTaken(name: string) {
  return (error: unknown): never => {
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    if ((cause as { code?: unknown } | undefined)?.code === '23505') throw new ProviderNameTakenError(name);
    throw error;
  };
}
