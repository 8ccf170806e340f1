import { describe, expect, it } from 'vitest';
import { digestMessage, messageText, messageTitle, type TitleMessage } from '../../../src/integrations/notification-message.js';

const message = (
  displayName: string,
  event: TitleMessage['event'] = 'added',
  titleKind: TitleMessage['titleKind'] = 'movie',
): TitleMessage => ({
  id: `notify/${displayName}`,
  event,
  titleKind,
  displayName,
  folderPath: `/media/movies/${displayName}`,
  occurredAt: '2026-11-21T14:00:00.000Z',
});

describe('digest messages', () => {
  it('name how many titles and list each with what happened to it', () => {
    const digest = digestMessage('people-digest/discord/lib/notify/Heat', '/media/movies', [
      message('Heat (1995)'),
      message('Ronin (1998)'),
      message('Severance', 'added', 'show'),
    ]);
    expect(messageTitle(digest)).toBe('Added: 3 titles');
    expect(messageText(digest)).toBe('Added movie: Heat (1995)\nAdded movie: Ronin (1998)\nAdded tv show: Severance\n/media/movies');
    expect(digest.id).toBe('people-digest/discord/lib/notify/Heat');
  });

  it('say "Updated" when the titles did not all go the same way', () => {
    expect(messageTitle(digestMessage('d', '/m', [message('A'), message('B', 'removed')]))).toBe('Updated: 2 titles');
  });

  it('stop after twenty titles, and below what Pushover takes, saying how many more', () => {
    const many = Array.from({ length: 45 }, (_, i) => message(`Film number ${i + 1}`));
    const text = messageText(digestMessage('d', '/media/movies', many));
    expect(text.split('\n')).toHaveLength(22);
    expect(text).toContain('… and 25 more');
    const long = Array.from({ length: 12 }, (_, i) => message(`${'A very long title '.repeat(5)}${i}`));
    const longText = messageText(digestMessage('d', '/media/movies', long));
    expect(longText.length).toBeLessThan(1_024);
    expect(longText).toMatch(/… and \d+ more/);
  });

  it('leave a single title message as it was', () => {
    expect(messageText(message('Heat (1995)'))).toBe('Movie added in the library.\n/media/movies/Heat (1995)');
  });
});
