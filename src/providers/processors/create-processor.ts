import type { MetadataProcessor } from '../processor.js';
import type { ProviderId } from '../types.js';
import { FanartProcessor } from './fanart-processor.js';
import { MusicBrainzProcessor } from './musicbrainz-processor.js';
import { TmdbProcessor } from './tmdb-processor.js';
import { TvdbProcessor } from './tvdb-processor.js';

/** A new processor for a provider kind. Processors take no configuration: each run's comes in its context. */
export function createProcessor(kind: ProviderId): MetadataProcessor {
  switch (kind) {
    case 'tmdb':
      return new TmdbProcessor();
    case 'tvdb':
      return new TvdbProcessor();
    case 'fanart_tv':
      return new FanartProcessor();
    case 'musicbrainz':
      return new MusicBrainzProcessor();
  }
}
