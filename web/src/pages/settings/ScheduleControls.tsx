import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { fieldMessages } from '../../components/fieldMessages';
import { TemporalLink } from '../../components/TemporalLink';
import type { GetAnswer } from '../../api/types';
import { formatDateTime, formatRelative } from '../../format/format';
import type { Body } from './types';

export type Schedule = GetAnswer<'/api/schedules'>[number];

export const useSchedules = () => useQuery({ queryKey: ['settings', 'schedules'], queryFn: () => unwrap(api.GET('/api/schedules')) });

/** "every 6 h", "cron 30 4 * * * (UTC)". */
export function describeSchedule(s: Schedule): string {
  if (s.cron) return `cron ${s.cron} (UTC)`;
  const seconds = s.intervalSeconds ?? 0;
  if (seconds % 86400 === 0) return `every ${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}

function useScheduleChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/schedules/{id}', 'patch'>) =>
      unwrap(api.PATCH('/api/schedules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['settings', 'schedules'] }),
  });
}

/** A schedule's state and its controls: pause or resume, run now, and its interval or cron. */
export function ScheduleControls({ schedule }: { schedule: Schedule }) {
  const change = useScheduleChange(schedule.id);
  const client = useQueryClient();
  const trigger = useMutation({
    mutationFn: () => unwrap(api.POST('/api/schedules/{id}/trigger', { params: { path: { id: schedule.id } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['settings', 'schedules'] }),
  });
  const [editing, setEditing] = useState(false);
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className="row">
        <strong>{schedule.description}</strong>
        <span className="muted">{describeSchedule(schedule)}</span>
        {schedule.paused && <Badge tone="warn">paused</Badge>}
        {schedule.running && <Badge tone="ok">running</Badge>}
        {schedule.edited && <Badge>edited</Badge>}
        <TemporalLink run={schedule} label={schedule.description} />
      </div>
      <div className="muted">
        {schedule.nextRunAt && (
          <>
            Next{' '}
            <time dateTime={schedule.nextRunAt} title={formatDateTime(schedule.nextRunAt)}>
              {formatRelative(schedule.nextRunAt)}
            </time>
          </>
        )}
        {schedule.lastRunAt && (
          <>
            {' '}
            · last{' '}
            <time dateTime={schedule.lastRunAt} title={formatDateTime(schedule.lastRunAt)}>
              {formatRelative(schedule.lastRunAt)}
            </time>
          </>
        )}{' '}
        · {schedule.actionsTaken} runs, {schedule.skippedOverlap} skipped while one ran
      </div>
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          disabled={change.isPending}
          onClick={() => change.mutate({ paused: !schedule.paused })}
          aria-label={`${schedule.paused ? 'Resume' : 'Pause'}: ${schedule.description}`}
        >
          {schedule.paused ? 'Resume' : 'Pause'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={trigger.isPending}
          onClick={() => trigger.mutate()}
          aria-label={`Run now: ${schedule.description}`}
        >
          Run now
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={editing}
          onClick={() => setEditing((open) => !open)}
          aria-label={`${editing ? 'Close' : 'Change timing'}: ${schedule.description}`}
        >
          {editing ? 'Close' : 'Change timing'}
        </button>
        {trigger.isSuccess && <span role="status">Started (or already running).</span>}
      </div>
      {trigger.error && <ErrorNote error={trigger.error} />}
      {change.error && !editing && <ErrorNote error={change.error} />}
      {editing && <TimingForm schedule={schedule} onDone={() => setEditing(false)} />}
    </div>
  );
}

/** An interval (seconds, at least 60) or a cron in UTC: the API refuses both at once, naming `body.cron`. */
function TimingForm({ schedule, onDone }: { schedule: Schedule; onDone: () => void }) {
  const id = useId();
  const change = useScheduleChange(schedule.id);
  const [mode, setMode] = useState<'interval' | 'cron'>(schedule.cron ? 'cron' : 'interval');
  const [interval, setInterval] = useState(String(schedule.intervalSeconds ?? 86400));
  const [cron, setCron] = useState(schedule.cron ?? '30 4 * * *');
  const messages = fieldMessages(change.error, ['intervalSeconds', 'cron']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(mode === 'cron' ? { cron } : { intervalSeconds: Number(interval) }, { onSuccess: onDone });
  };
  return (
    <form className="stack" onSubmit={submit} aria-label={`Timing of ${schedule.description}`} noValidate>
      <fieldset className="row">
        <legend className="visually-hidden">Run by</legend>
        <label className="row">
          <input type="radio" name={`${id}-mode`} checked={mode === 'interval'} onChange={() => setMode('interval')} /> An interval
        </label>
        <label className="row">
          <input type="radio" name={`${id}-mode`} checked={mode === 'cron'} onChange={() => setMode('cron')} /> A cron (UTC)
        </label>
      </fieldset>
      {mode === 'interval' ? (
        <label className="field">
          Every (seconds, at least 60)
          <input type="number" min={60} value={interval} onChange={(e) => setInterval(e.target.value)} />
          {messages.byField.get('intervalSeconds') && (
            <small className="field-error">{messages.byField.get('intervalSeconds')!.join('; ')}</small>
          )}
        </label>
      ) : (
        <label className="field">
          Cron
          <input type="text" className="mono" value={cron} onChange={(e) => setCron(e.target.value)} />
          {messages.byField.get('cron') && <small className="field-error">{messages.byField.get('cron')!.join('; ')}</small>}
        </label>
      )}
      {messages.general.length > 0 && <ErrorNote error={messages.general.join('; ')} />}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-small" disabled={change.isPending}>
          Save timing
        </button>
      </div>
    </form>
  );
}

/** The schedule with this id, when the server has it (an IPTV provider's `scheduleId`). */
export function ScheduleOf({ scheduleId }: { scheduleId: string }) {
  const schedules = useSchedules();
  const schedule = schedules.data?.find((s) => s.id === scheduleId);
  if (schedules.error) return <ErrorNote error={schedules.error} />;
  return schedule ? <ScheduleControls schedule={schedule} /> : null;
}

/** A library's scan schedule (`schedule/library-scan/<libraryId>`). */
export function LibraryScanSchedule({ libraryId }: { libraryId: string }) {
  const schedules = useSchedules();
  const schedule = schedules.data?.find((s) => s.kind === 'library-scan' && s.targetId === libraryId);
  if (schedules.error) return <ErrorNote error={schedules.error} />;
  return schedule ? <ScheduleControls schedule={schedule} /> : <p className="muted">No scan schedule yet.</p>;
}
