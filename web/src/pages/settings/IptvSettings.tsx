import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import type { GetAnswer } from '../../api/types';
import { ResourceSection } from './ResourceSection';
import { ScheduleOf } from './ScheduleControls';
import type { Body, FieldSpec } from './types';

type Create = Body<'/api/iptv/providers', 'post'>;
type Update = Body<'/api/iptv/providers/{id}', 'patch'>;
type Provider = GetAnswer<'/api/iptv/providers'>[number];

const common = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
  { name: 'baseUrl', label: 'URL', kind: 'text', hint: 'Xtream: the panel root; M3U: the playlist ({page} for numbered pages)' },
  { name: 'syncIntervalSeconds', label: 'Sync every (seconds)', kind: 'number' },
  { name: 'maxConcurrent', label: 'Concurrent requests', kind: 'number' },
  { name: 'rateLimitRequests', label: 'Requests per window', kind: 'number' },
  { name: 'rateLimitWindowMs', label: 'Window (ms)', kind: 'number' },
  { name: 'timeoutMs', label: 'Timeout (ms)', kind: 'number' },
  { name: 'credentials', label: 'Credentials', kind: 'json', hint: '{"username": "…", "password": "…"}; shown masked once saved.' },
  { name: 'categories', label: 'Categories', kind: 'json', hint: '{"movies": true, "tvshows": true}' },
  { name: 'nameCleanup', label: 'Name clean-up', kind: 'json', hint: '[{"pattern": "^EN - ", "replacement": ""}]' },
] as const satisfies readonly FieldSpec<Update>[];

const createFields: readonly FieldSpec<Create>[] = [
  {
    name: 'kind',
    label: 'Kind',
    kind: 'select',
    options: [
      { value: 'xtream', label: 'Xtream Codes' },
      { value: 'm3u', label: 'M3U playlist' },
    ],
  },
  ...common,
];

function SyncNow({ provider }: { provider: Provider }) {
  const sync = useMutation({
    mutationFn: () => unwrap(api.POST('/api/iptv/providers/{id}/sync', { params: { path: { id: provider.id } } })),
  });
  return (
    <div className="row">
      <button type="button" className="btn btn-small" disabled={sync.isPending} onClick={() => sync.mutate()}>
        Sync {provider.name} now
      </button>
      {sync.data && <span role="status">{sync.data.alreadyRunning ? 'A sync is already running.' : 'Sync started.'}</span>}
      {sync.error && <ErrorNote error={sync.error} />}
    </div>
  );
}

/** IPTV providers (Xtream, M3U): their catalogue syncs and schedule. */
export default function IptvSettings() {
  return (
    <ResourceSection<Provider, Create, Update>
      title="IPTV providers"
      noun="IPTV provider"
      queryKey={['settings', 'iptv']}
      load={() => unwrap(api.GET('/api/iptv/providers'))}
      name={(p) => p.name}
      columns={[
        { label: 'Name', value: (p) => p.name },
        { label: 'Kind', value: (p) => p.kind },
        { label: 'URL', value: (p) => <span className="mono">{p.baseUrl}</span> },
        {
          label: 'State',
          value: (p) =>
            p.credentialsError ? (
              <Badge tone="danger">{p.credentialsError}</Badge>
            ) : (
              <Badge tone={p.enabled ? 'ok' : 'neutral'}>{p.enabled ? 'enabled' : 'disabled'}</Badge>
            ),
        },
      ]}
      createFields={createFields}
      createDefaults={{ enabled: true, categories: { movies: true, tvshows: true }, credentials: { username: '', password: '' } }}
      updateFields={common}
      create={(body) => unwrap(api.POST('/api/iptv/providers', { body }))}
      update={(p, body) => unwrap(api.PATCH('/api/iptv/providers/{id}', { params: { path: { id: p.id } }, body }))}
      remove={(p) => unwrap(api.DELETE('/api/iptv/providers/{id}', { params: { path: { id: p.id } } }))}
      rowExtra={(p) => (
        <>
          <SyncNow provider={p} />
          <ScheduleOf scheduleId={p.scheduleId} />
        </>
      )}
    />
  );
}
