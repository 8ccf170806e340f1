import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';

/** Postgres and Temporal as /healthz sees them (its 503 carries which one failed), checked every 10 s. */
export function Health() {
  const health = useQuery({
    queryKey: ['system', 'health'],
    queryFn: async () => {
      const { data, error } = await api.GET('/healthz');
      const answer = data ?? error;
      if (!answer) throw new Error('/healthz gave no answer');
      return answer;
    },
    refetchInterval: 10_000,
  });
  return (
    <section className="card stack" aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      {health.isPending && <Loading what="health" />}
      {health.error && <ErrorNote error={health.error} />}
      {health.data && (
        <ul className="row" style={{ listStyle: 'none', padding: 0, gap: 16 }} data-testid="health">
          {(['postgres', 'temporal'] as const).map((part) => {
            const state = health.data[part];
            return (
              <li key={part} className="row">
                <strong>{part === 'postgres' ? 'Postgres' : 'Temporal'}</strong>
                <Badge tone={state.ok ? 'ok' : 'danger'}>{state.ok ? 'ok' : (state.error ?? 'failing')}</Badge>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
