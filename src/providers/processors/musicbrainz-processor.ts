import { DEFAULT_USER_AGENT } from '../http/user-agent.js';
import { MusicBrainzClient } from '../musicbrainz/musicbrainz-client.js';
import type { ProviderPacer } from '../http/provider-pacer.js';
import type { ProcessingContext, ProviderConfig } from '../processing-context.js';
import type { MetadataProcessor, SearchRequest, SeasonFetchRequest, TitleFetchRequest, TitleFetchResult } from '../processor.js';
import type { ProviderSearchResult, ProviderSeason } from '../types.js';

/**
 * MusicBrainz knows artists and releases, not movies or shows, so for the title pipeline it has nothing to
 * say; it is configured now so the music library can use it. It keeps no clients: it calls out only to test.
 */
export class MusicBrainzProcessor implements MetadataProcessor {
  readonly kind = 'musicbrainz' as const;

  /** Without a pacer (tests of the processors alone) requests go out unpaced. */
  constructor(private readonly pacer?: ProviderPacer) {}

  canFetch(_request: TitleFetchRequest): boolean {
    return false;
  }

  fetchTitle(_context: ProcessingContext, _request: TitleFetchRequest): Promise<TitleFetchResult> {
    return Promise.resolve({ images: [] });
  }

  canFetchSeason(_request: SeasonFetchRequest): boolean {
    return false;
  }

  fetchSeason(_context: ProcessingContext, _request: SeasonFetchRequest): Promise<ProviderSeason | undefined> {
    return Promise.resolve(undefined);
  }

  search(_context: ProcessingContext, _request: SearchRequest): Promise<ProviderSearchResult[]> {
    return Promise.resolve([]);
  }

  /** MusicBrainz checks the User-Agent, not a key; any search shows whether it is accepted. */
  async testCredentials(context: ProcessingContext): Promise<void> {
    await createMusicBrainzClient(context.providerData, this.pacer).searchArtist('Radiohead');
  }
}

/**
 * MusicBrainz asks for "Application/version ( contact )" so it can reach whoever runs a client. Without a
 * contact it is "", which the client refuses with its own explanation.
 */
export function musicBrainzUserAgent(contact: string): string {
  return contact.trim() ? `${DEFAULT_USER_AGENT} ( ${contact.trim()} )` : '';
}

function createMusicBrainzClient(config: ProviderConfig, pacer: ProviderPacer | undefined): MusicBrainzClient {
  const { baseUrl, timeoutMs, credentials } = config;
  const pacing = pacer?.forProvider(config);
  return new MusicBrainzClient({ baseUrl, timeoutMs, pacing, userAgent: musicBrainzUserAgent(credentials.contact ?? '') });
}
