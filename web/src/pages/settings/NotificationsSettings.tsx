import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { TestResult } from '../../components/TestResult';
import type { GetAnswer } from '../../api/types';
import { formatRelative } from '../../format/format';
import { ResourceForm } from './ResourceForm';
import type { Body, FieldSpec } from './types';

type Service = GetAnswer<'/api/notifications'>[number];
type ServiceName = Service['service'];
type PutBody = Body<'/api/notifications/{service}', 'put'>;

const LABELS: Record<ServiceName, string> = {
  kodi: 'Kodi',
  jellyfin: 'Jellyfin',
  plex: 'Plex',
  discord: 'Discord',
  pushover: 'Pushover',
  email: 'E-mail',
};

/** A starting config for a service not configured yet: the fields it needs (docs/api.md, Notification configs). */
const TEMPLATES: Record<ServiceName, Record<string, unknown>> = {
  kodi: { groups: [{ name: 'Living room', hosts: [{ name: 'livingroom', url: 'http://livingroom:8080', pathMappings: [] }] }] },
  jellyfin: { url: 'http://jellyfin:8096', apiKey: '', pathMappings: [] },
  plex: { url: 'http://plex:32400', token: '', pathMappings: [] },
  discord: { webhookUrl: '' },
  pushover: { token: '', user: '' },
  email: { host: '', port: 587, from: '', to: [] },
};

const fields: readonly FieldSpec<PutBody>[] = [
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
  {
    name: 'config',
    label: 'Configuration',
    kind: 'json',
    hint: 'Secrets come back masked (••••); sent back unchanged they keep their stored value.',
  },
];

/** Media players (Kodi groups and hosts, Jellyfin, Plex) and people (Discord, Pushover, e-mail): save and test. */
export default function NotificationsSettings() {
  const services = useQuery({ queryKey: ['settings', 'notifications'], queryFn: () => unwrap(api.GET('/api/notifications')) });
  return (
    <section className="stack" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      {services.isPending && <Loading what="notification services" />}
      {services.error && <ErrorNote error={services.error} />}
      {services.data?.map((s) => (
        <ServiceCard key={s.service} service={s} />
      ))}
    </section>
  );
}

function ServiceCard({ service }: { service: Service }) {
  const name = service.service;
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const path = { params: { path: { service: name } } };
  const save = useMutation({
    mutationFn: (body: PutBody) => unwrap(api.PUT('/api/notifications/{service}', { ...path, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['settings', 'notifications'] }),
  });
  const test = useMutation({
    mutationFn: (config: PutBody['config'] | undefined) =>
      unwrap(api.POST('/api/notifications/{service}/test', { ...path, body: config ? { config } : {} })),
  });
  return (
    <article className="card stack" aria-labelledby={`notify-${name}`}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 id={`notify-${name}`}>{LABELS[name]}</h3>
        <div className="row">
          {service.configured ? (
            <Badge tone={service.enabled ? 'ok' : 'neutral'}>{service.enabled ? 'enabled' : 'disabled'}</Badge>
          ) : (
            <Badge>not configured</Badge>
          )}
          {service.configError && <Badge tone="danger">{service.configError}</Badge>}
          {service.updatedAt && <span className="muted">changed {formatRelative(service.updatedAt)}</span>}
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            aria-label={`${open ? 'Close' : 'Configure'} ${LABELS[name]}`}
          >
            {open ? 'Close' : 'Configure'}
          </button>
          {service.configured && (
            <button
              type="button"
              className="btn btn-small"
              disabled={test.isPending}
              onClick={() => test.mutate(undefined)}
              aria-label={`Test ${LABELS[name]}`}
            >
              Test
            </button>
          )}
        </div>
      </div>
      {test.data && <TestAnswer answer={test.data} />}
      {test.error && !open && <ErrorNote error={test.error} />}
      {open && (
        <ResourceForm<PutBody>
          label={`${LABELS[name]} settings`}
          fields={fields}
          defaults={{ enabled: service.configured ? service.enabled : true, config: service.config ?? TEMPLATES[name] }}
          onSubmit={(body) => save.mutate(body)}
          error={save.error ?? test.error}
          pending={save.isPending}
          submitLabel="Save"
          // The test sends the form's config as it stands: a setting can be tried before it is saved.
          onTest={(body) => test.mutate(body.config)}
          testPending={test.isPending}
        />
      )}
      {save.isSuccess && <span role="status">Saved.</span>}
    </article>
  );
}

function TestAnswer({ answer }: { answer: { ok: boolean; answers?: unknown; error?: string } }) {
  return (
    <div className="stack" style={{ gap: 4 }}>
      <TestResult answer={answer} />
      {answer.answers !== undefined && <pre className="mono muted">{JSON.stringify(answer.answers, null, 2)}</pre>}
    </div>
  );
}
