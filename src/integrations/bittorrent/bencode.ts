/** BitTorrent's bencoding (BEP 3): integers, byte strings, lists and dictionaries with sorted keys. */

export type BencodeValue = number | Buffer | BencodeValue[] | { [key: string]: BencodeValue };

export function bencode(value: BencodeValue | string): Buffer {
  const parts: Buffer[] = [];
  write(value, parts);
  return Buffer.concat(parts);
}

function write(value: BencodeValue | string, parts: Buffer[]): void {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`bencode: ${value} is not an integer`);
    parts.push(Buffer.from(`i${value}e`));
  } else if (typeof value === 'string' || Buffer.isBuffer(value)) {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    parts.push(Buffer.from(`${bytes.length}:`), bytes);
  } else if (Array.isArray(value)) {
    parts.push(Buffer.from('l'));
    for (const item of value) write(item, parts);
    parts.push(Buffer.from('e'));
  } else {
    parts.push(Buffer.from('d'));
    // Keys sorted as raw bytes, as the spec requires (and as an info hash depends on).
    for (const key of Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
      write(key, parts);
      write(value[key]!, parts);
    }
    parts.push(Buffer.from('e'));
  }
}

export interface Decoded {
  value: BencodeValue;
  /** Byte ranges of each dictionary value by key path ("info"), so a hash can be taken of the exact bytes. */
  spans: Map<string, [number, number]>;
}

export function bdecode(data: Buffer): Decoded {
  const spans = new Map<string, [number, number]>();
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`Not a valid bencoded file: ${what} at byte ${pos}`);
  };
  const read = (path: string): BencodeValue => {
    const c = data[pos];
    if (c === undefined) return fail('unexpected end');
    if (c === 0x69 /* i */) {
      const end = data.indexOf(0x65, pos);
      if (end < 0) fail('unterminated integer');
      const n = Number(data.subarray(pos + 1, end).toString('ascii'));
      if (!Number.isFinite(n)) fail('bad integer');
      pos = end + 1;
      return n;
    }
    if (c >= 0x30 && c <= 0x39) {
      const colon = data.indexOf(0x3a, pos);
      if (colon < 0) fail('unterminated string length');
      const length = Number(data.subarray(pos, colon).toString('ascii'));
      const start = colon + 1;
      if (start + length > data.length) fail('string past the end');
      pos = start + length;
      return data.subarray(start, start + length);
    }
    if (c === 0x6c /* l */) {
      pos += 1;
      const list: BencodeValue[] = [];
      while (data[pos] !== 0x65) list.push(read(path));
      pos += 1;
      return list;
    }
    if (c === 0x64 /* d */) {
      pos += 1;
      const dict: Record<string, BencodeValue> = {};
      while (data[pos] !== 0x65) {
        const key = read(path);
        if (!Buffer.isBuffer(key)) fail('dictionary key is not a string');
        const keyText = (key as Buffer).toString('utf8');
        const childPath = path ? `${path}.${keyText}` : keyText;
        const start = pos;
        dict[keyText] = read(childPath);
        spans.set(childPath, [start, pos]);
      }
      pos += 1;
      return dict;
    }
    return fail(`unexpected byte 0x${c.toString(16)}`);
  };
  const value = read('');
  return { value, spans };
}
