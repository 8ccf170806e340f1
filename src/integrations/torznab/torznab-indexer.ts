/** A configured Torznab indexer: its name in messages, and the URL its API answers at (secrets included). */
export interface TorznabIndexer {
  name: string;
  apiUrl: string;
}
