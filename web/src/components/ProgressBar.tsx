/** A labelled bar: `value` from 0 to 100, or null when how far is not known yet. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value === null ? undefined : Math.round(percent)}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}
