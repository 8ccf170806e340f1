/**
 * A link to the run in the Temporal Web UI, when the API's answer carries one (`temporalUrl`, on answers
 * about a run: requests, items, scans, schedules, syncs). The run's full history is there: every step, its
 * inputs, retries and errors.
 */
export function TemporalLink({ run, label }: { run: object; label: string }) {
  const url = 'temporalUrl' in run && typeof run.temporalUrl === 'string' ? run.temporalUrl : undefined;
  if (!url) return null;
  return (
    <a href={url} target="_blank" rel="noreferrer">
      Temporal ↗<span className="visually-hidden"> (the run of {label} in the Temporal Web UI, opens a new tab)</span>
    </a>
  );
}
