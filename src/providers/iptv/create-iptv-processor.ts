import type { IptvProcessor } from './catalogue.js';
import type { IptvKind } from '../../contracts/iptv-providers.js';
import { M3uProcessor } from './m3u-processor.js';
import { XtreamProcessor } from './xtream-processor.js';

export function createIptvProcessor(kind: IptvKind): IptvProcessor {
  return kind === 'xtream' ? new XtreamProcessor() : new M3uProcessor();
}
