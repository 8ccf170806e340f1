import type { Database } from '../../db/client.js';
import { IndexerRepository, type IndexerInput } from '../../db/repositories/indexer-repository.js';
import type { IndexerRow } from '../../db/schema/index.js';
import type { TorznabIndexer } from '../../integrations/torznab/torznab-indexer.js';
import type { CredentialsCipher } from '../../security/credentials-cipher.js';

/** The Torznab endpoint of a row: its URL with the decrypted key as `apikey`, as Torznab takes it. */
export function torznabEndpoint(row: IndexerRow, cipher: CredentialsCipher): TorznabIndexer {
  const url = new URL(row.url);
  if (row.apiKeyEncrypted) url.searchParams.set('apikey', cipher.decrypt(row.apiKeyEncrypted));
  return { name: row.name, apiUrl: url.toString() };
}

/** A TORZNAB_INDEXERS entry as a row: its apikey moves out of the URL into the encrypted column. */
export function seedRow(indexer: TorznabIndexer, cipher: CredentialsCipher, priority: number): IndexerInput {
  const url = new URL(indexer.apiUrl);
  const apiKey = url.searchParams.get('apikey');
  url.searchParams.delete('apikey');
  return {
    name: indexer.name,
    url: url.toString(),
    apiKeyEncrypted: apiKey ? cipher.encrypt(apiKey) : null,
    categories: [2000, 5000],
    priority,
    enabled: true,
    managedBy: 'env',
    extraFields: [],
  };
}

/**
 * The indexers a search asks, read from the table at every call (a change by a person or Prowlarr applies to
 * the next search); the environment's TORZNAB_INDEXERS are copied in on the first call ever.
 */
export function configuredIndexers(db: Database, cipher: CredentialsCipher, seed: TorznabIndexer[]): () => Promise<TorznabIndexer[]> {
  const repository = new IndexerRepository(db);
  let seeded = false;
  return async () => {
    if (!seeded) {
      await repository.seedOnce(seed.map((indexer, i) => seedRow(indexer, cipher, Math.min(50, 25 + i))));
      seeded = true;
    }
    return (await repository.list()).filter((row) => row.enabled).map((row) => torznabEndpoint(row, cipher));
  };
}
