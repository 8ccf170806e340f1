import { describe, expect, it } from 'vitest';
import { ScheduleIds } from '../../../src/schedules/schedule-ids.js';

const library = '7d0c6b1e-4a4b-4d7e-9a55-0f1f2b3c4d5e';

describe('ScheduleIds', () => {
  it('names the default deployment’s schedules schedule/<name>', () => {
    const ids = new ScheduleIds('reelflow');
    expect(ids.providerRefresh()).toBe('schedule/provider-refresh');
    expect(ids.libraryScan(library)).toBe(`schedule/library-scan/${library}`);
    expect(ids.parse(`schedule/iptv-sync/${library}`)).toEqual({ kind: 'iptv-sync', targetId: library });
    expect(ids.parse('schedule/maintenance')).toEqual({ kind: 'maintenance', targetId: null });
  });

  it('scopes another deployment’s ids by its task queue, and knows only its own', () => {
    const ids = new ScheduleIds('staging');
    expect(ids.maintenance()).toBe('schedule/staging/maintenance');
    expect(ids.parse('schedule/maintenance')).toBeUndefined();
    expect(new ScheduleIds('reelflow').parse('schedule/staging/maintenance')).toBeUndefined();
    expect(ids.parse(`schedule/staging/library-scan/not-an-id`)).toBeUndefined();
  });
});
