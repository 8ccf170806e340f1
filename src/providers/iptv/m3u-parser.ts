// M3U / M3U8 playlists as IPTV providers serve them:
//   #EXTM3U
//   #EXTINF:-1 tvg-id="tt0133093" tvg-name="The Matrix (1999)" tvg-logo="…" group-title="Movies",The Matrix (1999)
//   http://host/movie/user/pass/1001.mkv
// Attributes are key="value" pairs before the first comma outside quotes; the display name follows it.

export interface M3uItem {
  /** 1-based line of the #EXTINF, for messages. */
  line: number;
  attributes: Record<string, string>;
  displayName: string;
  url: string | undefined;
}

export function parseM3u(text: string): M3uItem[] {
  const lines = text.split(/\r?\n/);
  const items: M3uItem[] = [];
  let pending: M3uItem | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#EXTINF')) {
      if (pending) items.push(pending);
      pending = parseExtinf(line, index + 1);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (pending) {
      pending.url = line;
      items.push(pending);
      pending = undefined;
    }
  }
  if (pending) items.push(pending);
  return items;
}

function parseExtinf(line: string, lineNumber: number): M3uItem {
  const body = line.slice(line.indexOf(':') + 1);
  let inQuotes = false;
  let comma = -1;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '"') inQuotes = !inQuotes;
    else if (body[i] === ',' && !inQuotes) {
      comma = i;
      break;
    }
  }
  const head = comma === -1 ? body : body.slice(0, comma);
  const attributes: Record<string, string> = {};
  for (const match of head.matchAll(/([\w-]+)="([^"]*)"/g)) attributes[match[1]!.toLowerCase()] = match[2]!.trim();
  return { line: lineNumber, attributes, displayName: comma === -1 ? '' : body.slice(comma + 1).trim(), url: undefined };
}
