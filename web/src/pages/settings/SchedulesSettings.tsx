import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { ScheduleControls, useSchedules } from './ScheduleControls';

/** Every periodic job (Temporal Schedules): pause, change the timing, run now. */
export default function SchedulesSettings() {
  const schedules = useSchedules();
  return (
    <section className="stack" aria-labelledby="schedules-title">
      <h2 id="schedules-title">Schedules</h2>
      {schedules.isPending && <Loading what="schedules" />}
      {schedules.error && <ErrorNote error={schedules.error} />}
      {schedules.data?.length === 0 && <p className="muted">No schedules.</p>}
      {schedules.data?.map((s) => (
        <div key={s.id} className="card">
          <ScheduleControls schedule={s} />
        </div>
      ))}
    </section>
  );
}
