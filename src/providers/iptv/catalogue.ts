import type { TitleStreams } from '../../db/schema/iptv.js';
import type { ProcessingContext } from '../processing-context.js';
import type { IptvKind, IptvProviderConfig } from '../../contracts/iptv-providers.js';

export type { TitleStreams };

/** A run's context for an IPTV provider. */
export type IptvContext = ProcessingContext<IptvProviderConfig>;

/** One title of a catalogue, in the provider's terms, before matching. */
export interface CatalogueEntry {
  /** Unique within the provider: `movie:<id>`, `tv:<id>`. */
  titleKey: string;
  type: 'movie' | 'tv';
  name: string;
  category: string | null;
  /** The id the provider's detail calls take (Xtream stream or series id). */
  sourceId: string;
  tmdbId?: number;
  imdbId?: string;
  /** The year the provider states, if it states one apart from the name. */
  year?: number;
  streams: TitleStreams;
  /** Whatever else says the entry changed (Xtream's last_modified); part of the fingerprint. */
  revision?: string;
  /** Whether a detail call adds what the listing lacks: Xtream series' episodes, a movie's TMDB id. */
  detailsFromProvider: boolean;
}

/** An entry that could not be read; it is stored as ignored with this reason. */
export interface MalformedEntry {
  titleKey: string;
  type: 'movie' | 'tv';
  name: string;
  reason: string;
}

export interface CatalogueListing {
  entries: CatalogueEntry[];
  malformed: MalformedEntry[];
}

export interface TitleDetails {
  tmdbId?: number;
  imdbId?: string;
  episodes?: Record<string, string>;
}

/**
 * One per configured IPTV provider, kept in the registry; holds no configuration. Everything about a run —
 * configuration, request pacing, what was ignored — comes in the context.
 */
export interface IptvProcessor {
  readonly kind: IptvKind;
  /** The whole catalogue of the enabled categories. Malformed entries come back apart, with their reason. */
  listCatalogue(context: IptvContext): Promise<CatalogueListing>;
  /** What the listing did not say: Xtream's get_vod_info / get_series_info. Nothing for M3U. */
  details(context: IptvContext, entry: Pick<CatalogueEntry, 'type' | 'sourceId' | 'tmdbId' | 'detailsFromProvider'>): Promise<TitleDetails>;
  /** Cheapest authenticated call; throws a ProviderError when refused or unreachable. */
  testConnection(context: IptvContext): Promise<void>;
}
