import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../../web/src/components/fieldMessages.js';
import { isoDay, monthGrid, monthStart } from '../../../web/src/pages/calendar/dates.js';
import { parseEpisodes } from '../../../web/src/pages/requests/episodes.js';

/** An ApiError as api/client.ts makes it: an Error with the answer's status. */
const apiError = (status: number, message: string) => Object.assign(new Error(message), { status });

describe('fieldMessages', () => {
  it('puts each part of a 400 under the field it names, with the rest of the path', () => {
    const error = apiError(400, 'body.priority: Too big: expected number to be <=50; body.config.groups.0.url: an http:// or https:// URL');
    const { byField, general } = fieldMessages(error, ['priority', 'config']);
    expect(byField.get('priority')).toEqual(['Too big: expected number to be <=50']);
    expect(byField.get('config')).toEqual(['groups.0.url: an http:// or https:// URL']);
    expect(general).toEqual([]);
  });

  it('keeps a field the form does not show, and any other refusal, general', () => {
    expect(fieldMessages(apiError(400, 'body.other: Required'), ['name']).general).toEqual(['body.other: Required']);
    const conflict = fieldMessages(apiError(409, 'An indexer named x exists; pick another'), ['name']);
    expect(conflict.general).toEqual(['An indexer named x exists; pick another']);
    expect(conflict.byField.size).toBe(0);
  });
});

describe('parseEpisodes', () => {
  it('reads S01E03 and 2x05, and names what is neither', () => {
    expect(parseEpisodes('S01E03, 2x05 s10e100')).toEqual({
      episodes: [
        { season: 1, episode: 3 },
        { season: 2, episode: 5 },
        { season: 10, episode: 100 },
      ],
      bad: [],
    });
    expect(parseEpisodes('S01E01, pilot').bad).toEqual(['pilot']);
  });
});

describe('monthGrid', () => {
  it('covers the month in whole weeks from Monday', () => {
    const weeks = monthGrid(monthStart('2026-12'));
    expect(weeks).toHaveLength(5);
    expect(isoDay(weeks[0]![0]!)).toBe('2026-11-30');
    expect(isoDay(weeks[4]![6]!)).toBe('2027-01-03');
    expect(weeks.flat().every((d, i, all) => i === 0 || d.getTime() > all[i - 1]!.getTime())).toBe(true);
  });

  it('gives six weeks to a month that needs them, and none to spare', () => {
    // March 2026 starts on a Sunday: 6 + 31 days.
    expect(monthGrid(monthStart('2026-03'))).toHaveLength(6);
    // February 2027 starts on a Monday and has 28 days: four weeks exactly.
    expect(monthGrid(monthStart('2027-02'))).toHaveLength(4);
  });
});
