import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { Pager } from '../../components/Pager';
import { TemporalLink } from '../../components/TemporalLink';
import { formatDateTime, formatRelative } from '../../format/format';

type Scan = GetAnswer<'/api/scans'>['records'][number];
const PAGE_SIZE = 10;

/** The latest scans of every library with their counters, each scan's issues on demand, and its run in Temporal. */
export function ScanRuns() {
  const [page, setPage] = useState(1);
  const scans = useQuery({
    queryKey: ['scan', 'list', page],
    queryFn: () => unwrap(api.GET('/api/scans', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <section className="card stack" aria-labelledby="scans-title">
      <h2 id="scans-title">Scans and their issues</h2>
      {scans.isPending && <Loading what="scans" />}
      {scans.error && <ErrorNote error={scans.error} />}
      {scans.data?.records.length === 0 && <p className="muted">No scans yet.</p>}
      {scans.data && scans.data.records.length > 0 && (
        <>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 8 }} data-testid="scans">
            {scans.data.records.map((scan) => (
              <ScanRow key={scan.id} scan={scan} />
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={scans.data.totalRecords} onPage={setPage} label="Scan" />
        </>
      )}
    </section>
  );
}

function ScanRow({ scan }: { scan: Scan }) {
  const [open, setOpen] = useState(false);
  const issues = useQuery({
    queryKey: ['scan', scan.id, 'issues'],
    queryFn: () => unwrap(api.GET('/api/scans/{id}/issues', { params: { path: { id: scan.id } } })),
    enabled: open,
  });
  const name = `${scan.libraryName} scan of ${formatDateTime(scan.startedAt)}`;
  return (
    <li className="stack" style={{ gap: 4 }}>
      <div className="row">
        <strong>{scan.libraryName}</strong>
        <Badge tone={scan.status === 'completed' ? 'ok' : scan.status === 'failed' ? 'danger' : 'warn'}>{scan.status}</Badge>
        <time className="muted" dateTime={scan.startedAt} title={formatDateTime(scan.startedAt)}>
          {formatRelative(scan.startedAt)}
        </time>
        <span className="muted">
          {scan.titlesFound} titles · {scan.titlesNew} new · {scan.titlesUpdated} updated · {scan.titlesRemoved} removed
        </span>
        <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide issues' : `Issues (${scan.errors})`}
        </button>
        <TemporalLink run={scan} label={name} />
      </div>
      {scan.errorMessage && <ErrorNote error={scan.errorMessage} />}
      {open && issues.isPending && <Loading what="issues" />}
      {open && issues.error && <ErrorNote error={issues.error} />}
      {open && issues.data?.length === 0 && <p className="muted">This scan could use everything it found.</p>}
      {open && issues.data && issues.data.length > 0 && (
        <ul>
          {issues.data.map((issue, i) => (
            <li key={i}>
              <span className="mono">{issue.path}</span>: {issue.reason}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
