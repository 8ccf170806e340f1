/** What people are told about one title, built once and rendered per service. */
export interface TitleMessage {
  event: 'added' | 'updated' | 'removed';
  titleKind: 'movie' | 'show' | 'episode';
  displayName: string;
  folderPath: string;
  /** When it happened (ISO 8601): the workflow's start, so a retried send says the same thing. */
  occurredAt: string;
  /** Unique per notification (the notifyTitle workflow id): a repeated send carries the same id. */
  id: string;
  /** Set on a digest: every title it tells of, in the order they were published. */
  titles?: DigestEntry[];
}

/** One title in a digest message. */
export type DigestEntry = Pick<TitleMessage, 'event' | 'titleKind' | 'displayName'>;

/** A digest names this many titles at most; Pushover takes 1,024 characters and Discord 4,096. */
const DIGEST_LINES = 20;
const DIGEST_CHARACTERS = 900;

const VERBS = { added: 'Added', updated: 'Updated', removed: 'Removed' } as const;
const KINDS = { movie: 'Movie', show: 'TV show', episode: 'Episode' } as const;

export const messageTitle = (m: TitleMessage) => `${VERBS[m.event]}: ${m.displayName}`;

export function messageText(m: TitleMessage): string {
  if (!m.titles) return `${KINDS[m.titleKind]} ${m.event} in the library.\n${m.folderPath}`;
  const lines: string[] = [];
  let length = 0;
  for (const entry of m.titles) {
    const line = `${VERBS[entry.event]} ${KINDS[entry.titleKind].toLowerCase()}: ${entry.displayName}`;
    if (lines.length === DIGEST_LINES || length + line.length + 1 > DIGEST_CHARACTERS) break;
    lines.push(line);
    length += line.length + 1;
  }
  const rest = m.titles.length - lines.length;
  return [...lines, ...(rest > 0 ? [`… and ${rest} more`] : []), m.folderPath].join('\n');
}

/**
 * One message telling of several titles of one library: "Added: 12 titles" when they share the event,
 * "Updated: 12 titles" otherwise (the lines say what happened to each). Its id is the digest's own.
 */
export function digestMessage(id: string, libraryRoot: string, messages: readonly TitleMessage[]): TitleMessage {
  const first = messages[0]!;
  const event = messages.every((m) => m.event === first.event) ? first.event : 'updated';
  return {
    id,
    event,
    titleKind: first.titleKind,
    displayName: `${messages.length} titles`,
    folderPath: libraryRoot,
    occurredAt: messages.at(-1)!.occurredAt,
    titles: messages.map(({ event, titleKind, displayName }) => ({ event, titleKind, displayName })),
  };
}

/** A message for POST /api/notifications/:service/test. */
export const testMessage = (occurredAt: string): TitleMessage => ({
  id: `test-${occurredAt}`,
  event: 'added',
  titleKind: 'movie',
  displayName: 'Reelflow test notification',
  folderPath: '(test)',
  occurredAt,
});
