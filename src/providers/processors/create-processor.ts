import type { ProviderPacer } from '../http/provider-pacer.js';
import type { MetadataProcessor } from '../processor.js';
import type { ProviderId } from '../types.js';
import { FanartProcessor } from './fanart-processor.js';
import { MusicBrainzProcessor } from './musicbrainz-processor.js';
import { TmdbProcessor } from './tmdb-processor.js';
import { TvdbProcessor } from './tvdb-processor.js';

/**
 * A new processor for a provider kind. Processors take no configuration: each run's comes in its context.
 * The pacer, shared by every processor of the process, keeps each provider's requests on its schedule.
 */
export function createProcessor(kind: ProviderId, pacer?: ProviderPacer): MetadataProcessor {
  switch (kind) {
    case 'tmdb':
      return new TmdbProcessor(pacer);
    case 'tvdb':
      return new TvdbProcessor(pacer);
    case 'fanart_tv':
      return new FanartProcessor(pacer);
    case 'musicbrainz':
      return new MusicBrainzProcessor(pacer);
  }
}
