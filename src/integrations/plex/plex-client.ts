import { XMLParser } from 'fast-xml-parser';
import type { PlexConfig } from '../notification-config.js';
import { mapPath } from '../path-mapping.js';
import type { PlayerRefreshOutcome, PlayerRefreshRequest } from '../player-refresh.js';
import { TargetError } from '../http/target-error.js';
import { joinUrl } from '../../http/http-request.js';
import { targetRequest } from '../http/target-request.js';

export interface PlexSection {
  key: string;
  title: string;
  type: string;
  locations: string[];
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'Directory' || name === 'Location',
});

/**
 * Plex Media Server's URL commands with an X-Plex-Token header. Library sections come as XML
 * (`<MediaContainer><Directory key title type><Location path/></Directory></MediaContainer>`); a partial
 * scan is `/library/sections/{key}/refresh?path=<folder as Plex sees it>`.
 */
export class PlexClient {
  private readonly target = 'Plex';

  constructor(private readonly config: PlexConfig) {}

  private get headers() {
    return {
      'X-Plex-Token': this.config.token,
      Accept: 'application/xml',
      'X-Plex-Client-Identifier': 'reelflow',
      'X-Plex-Product': 'Reelflow',
    };
  }

  async sections(): Promise<PlexSection[]> {
    const response = await targetRequest({
      target: this.target,
      url: joinUrl(this.config.url, '/library/sections'),
      headers: this.headers,
      timeoutMs: this.config.timeoutMs,
    });
    let parsed: { MediaContainer?: { Directory?: Record<string, unknown>[] } };
    try {
      parsed = xml.parse(response.text) as typeof parsed;
    } catch (error) {
      throw new TargetError('Plex answered /library/sections with a body that is not XML', {
        target: this.target,
        endpoint: '/library/sections',
        retryable: false,
        cause: error,
      });
    }
    if (!parsed.MediaContainer) {
      throw new TargetError('Plex answered /library/sections without a MediaContainer', {
        target: this.target,
        endpoint: '/library/sections',
        retryable: false,
      });
    }
    return (parsed.MediaContainer.Directory ?? []).map((d) => ({
      key: String(d.key),
      title: String(d.title ?? ''),
      type: String(d.type ?? ''),
      locations: ((d.Location as { path?: unknown }[] | undefined) ?? []).map((l) => String(l.path)),
    }));
  }

  /** Scans `path` within a section, or the whole section without one. */
  async refreshSection(key: string, path?: string): Promise<void> {
    await targetRequest({
      target: this.target,
      url: joinUrl(this.config.url, `/library/sections/${encodeURIComponent(key)}/refresh`, { path }),
      headers: this.headers,
      timeoutMs: this.config.timeoutMs,
    });
  }

  async refresh(request: PlayerRefreshRequest): Promise<PlayerRefreshOutcome> {
    const { scope } = request;
    const localPath = scope.kind === 'folder' ? scope.path : scope.rootPath;
    // A removed folder cannot be scanned; scanning its parent lets Plex see it is gone.
    const scanned = scope.kind === 'folder' && scope.change === 'removed' ? parentOf(localPath) : localPath;
    const path = mapPath(scanned, this.config.pathMappings);
    const sections = await this.sections();
    const section = path === undefined ? undefined : sectionHolding(sections, path);
    if (path !== undefined && section) {
      await this.refreshSection(section.key, path);
      return { status: 'refreshed', detail: `refresh ${path} in section "${section.title}"`, coveredEverything: false };
    }
    // No section holds the path: refresh every video section, which is what a person would do by hand.
    const video = sections.filter((s) => s.type === 'movie' || s.type === 'show');
    for (const s of video) await this.refreshSection(s.key);
    const why = path === undefined ? `no path mapping for ${scanned}` : `no section holds ${path}`;
    return { status: 'refreshed', detail: `refresh of ${video.length} section(s) (${why})`, coveredEverything: true };
  }
}

function sectionHolding(sections: PlexSection[], path: string): PlexSection | undefined {
  const inside = (location: string) => path === location || path.startsWith(location.endsWith('/') ? location : `${location}/`);
  return sections.find((s) => s.locations.some(inside));
}

function parentOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const parent = trimmed.slice(0, trimmed.lastIndexOf('/'));
  return parent === '' ? '/' : parent;
}
