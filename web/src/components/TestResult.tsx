import { Badge } from './Badge';

/** What a "test" route answered: `{ok: true}` or `{ok: false, error}` (the target's own words). */
export function TestResult({ answer }: { answer: { ok: boolean; error?: string | null } }) {
  return (
    <span role="status" className="row" style={{ gap: 6 }}>
      {answer.ok ? <Badge tone="ok">Test passed</Badge> : <Badge tone="danger">Test failed</Badge>}
      {answer.error && <span className="muted">{answer.error}</span>}
    </span>
  );
}
