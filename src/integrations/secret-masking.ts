import { SECRET_PATHS, type NotificationService } from './notification-config.js';

const MASK = '••••';
/** Only a long value shows its last 4 characters; from a short one they would give too much away. */
const SHOW_TAIL_FROM_LENGTH = 16;

const maskValue = (value: string) => (value.length >= SHOW_TAIL_FROM_LENGTH ? `${MASK}${value.slice(-4)}` : MASK);
const isMasked = (value: unknown) => typeof value === 'string' && value.startsWith(MASK);

/** A copy of `config` with every secret masked: what the API shows. */
export function maskSecrets(service: NotificationService, config: unknown): unknown {
  const copy = structuredClone(config);
  for (const path of SECRET_PATHS[service]) {
    visit(copy, path, (holder, key) => {
      const value = holder[key];
      if (typeof value === 'string' && value !== '') holder[key] = maskValue(value);
    });
  }
  return copy;
}

export interface RestoredSecrets {
  config: unknown;
  /** Paths (`groups.0.hosts.1.password`) of masked secrets not restored: their host changed, so they must be sent again. */
  refused: string[];
}

/**
 * `incoming` with each masked secret replaced by the stored value at the same place, so a PUT of what GET
 * showed keeps the secrets — but only where the secret goes to the same place it was entered for (the
 * same URL origin, or SMTP host and port): a stored secret is never sent to a host the request names
 * anew. A masked value with nothing stored at its place stays as sent (and is then saved as typed: a
 * person who types "••••" as a password gets that password).
 */
export function restoreMaskedSecrets(service: NotificationService, incoming: unknown, stored: unknown): RestoredSecrets {
  if (stored === undefined) return { config: incoming, refused: [] };
  const copy = structuredClone(incoming);
  const refused: string[] = [];
  for (const path of SECRET_PATHS[service]) {
    visit(copy, path, (holder, key, indexes) => {
      if (!isMasked(holder[key])) return;
      const original = valueAt(stored, path, indexes);
      if (typeof original !== 'string') return;
      const storedHolder = valueAt(stored, path.slice(0, -1), indexes);
      if (destinationOf(service, holder) !== destinationOf(service, storedHolder)) {
        refused.push(concretePath(path, indexes).join('.'));
        return;
      }
      holder[key] = original;
    });
  }
  return { config: copy, refused };
}

/** Where the secrets held by `holder` are sent: a URL's origin, an SMTP server's host and port. */
function destinationOf(service: NotificationService, holder: unknown): string | undefined {
  if (holder === null || typeof holder !== 'object') return undefined;
  const fields = holder as Holder;
  switch (service) {
    case 'discord':
      // The webhook URL is the secret itself: a masked one cannot point anywhere new.
      return 'discord';
    case 'email':
      return `smtp://${String(fields.host ?? '')
        .trim()
        .toLowerCase()}:${String(fields.port ?? 587)}`;
    case 'pushover':
      return originOf(fields.url ?? 'https://api.pushover.net');
    default:
      return originOf(fields.url);
  }
}

function originOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function concretePath(path: string[], indexes: number[]): string[] {
  let next = 0;
  return path.map((key) => (key === '*' ? String(indexes[next++]) : key));
}

type Holder = Record<string, unknown>;

/** Calls `at` for each object holding the path's last key, with the array indexes taken on the way. */
function visit(node: unknown, path: string[], at: (holder: Holder, key: string, indexes: number[]) => void, indexes: number[] = []): void {
  if (node === null || typeof node !== 'object') return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (head === '*') {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, rest, at, [...indexes, index]));
    return;
  }
  const holder = node as Holder;
  if (rest.length === 0) {
    if (head in holder) at(holder, head, indexes);
    return;
  }
  visit(holder[head], rest, at, indexes);
}

function valueAt(node: unknown, path: string[], indexes: number[]): unknown {
  let current = node;
  let next = 0;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = key === '*' ? (current as unknown[])[indexes[next++]!] : (current as Holder)[key];
  }
  return current;
}
