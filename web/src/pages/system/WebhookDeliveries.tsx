import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Badge, type Tone } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { formatDateTime, formatRelative } from '../../format/format';

const TONES: Record<string, Tone> = { refresh: 'ok', removed: 'ok', test: 'ok', unmapped: 'danger', 'unknown-event': 'warn' };

/** The latest Radarr/Sonarr deliveries and what became of each (refreshed by `webhook.received`). */
export function WebhookDeliveries() {
  const deliveries = useQuery({
    queryKey: ['history', 'webhooks'],
    queryFn: () => unwrap(api.GET('/api/webhooks/events', { params: { query: { limit: 25 } } })),
  });
  return (
    <section className="card stack" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook deliveries</h2>
      {deliveries.isPending && <Loading what="webhook deliveries" />}
      {deliveries.error && <ErrorNote error={deliveries.error} />}
      {deliveries.data?.length === 0 && <p className="muted">No deliveries yet.</p>}
      {deliveries.data && deliveries.data.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">Event</th>
                <th scope="col">Outcome</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <time dateTime={d.receivedAt} title={formatDateTime(d.receivedAt)}>
                      {formatRelative(d.receivedAt)}
                    </time>
                  </td>
                  <td>{d.source}</td>
                  <td>{d.eventType}</td>
                  <td>
                    <Badge tone={TONES[d.outcome] ?? 'neutral'}>{d.outcome}</Badge>
                  </td>
                  <td className="mono muted">{summarize(d.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The detail's values that say most (the folder, the title, why), on one line. */
function summarize(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}
