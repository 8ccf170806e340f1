/** What people are told about one title, built once and rendered per service. */
export interface TitleMessage {
  event: 'added' | 'updated' | 'removed';
  titleKind: 'movie' | 'show' | 'episode';
  displayName: string;
  folderPath: string;
  /** When it happened (ISO 8601): the workflow's start, so a retried send says the same thing. */
  occurredAt: string;
}

const VERBS = { added: 'Added', updated: 'Updated', removed: 'Removed' } as const;
const KINDS = { movie: 'Movie', show: 'TV show', episode: 'Episode' } as const;

export const messageTitle = (m: TitleMessage) => `${VERBS[m.event]}: ${m.displayName}`;
export const messageText = (m: TitleMessage) => `${KINDS[m.titleKind]} ${m.event} in the library.\n${m.folderPath}`;

/** A message for POST /api/notifications/:service/test. */
export const testMessage = (occurredAt: string): TitleMessage => ({
  event: 'added',
  titleKind: 'movie',
  displayName: 'Reelflow test notification',
  folderPath: '(test)',
  occurredAt,
});
