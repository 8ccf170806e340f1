import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import type { GetAnswer } from '../../api/types';
import { ResourceSection } from './ResourceSection';
import type { Body, FieldSpec } from './types';

type Create = Body<'/api/providers', 'post'>;
type Update = Body<'/api/providers/{id}', 'patch'>;

const KINDS = [
  { value: 'tmdb', label: 'TMDB' },
  { value: 'tvdb', label: 'TVDB' },
  { value: 'fanart_tv', label: 'fanart.tv' },
  { value: 'musicbrainz', label: 'MusicBrainz' },
] as const;

const CREDENTIALS_HINT = 'JSON, e.g. {"apiKey": "…"}; shown masked once saved, kept unless you change it.';

const common = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
  { name: 'priority', label: 'Priority', kind: 'number' },
  { name: 'baseUrl', label: 'Base URL', kind: 'text', hint: 'Leave empty for the provider’s own.' },
  { name: 'rateLimitPerSecond', label: 'Requests per second', kind: 'number' },
  { name: 'timeoutMs', label: 'Timeout (ms)', kind: 'number' },
  { name: 'credentials', label: 'Credentials', kind: 'json', hint: CREDENTIALS_HINT },
] as const satisfies readonly FieldSpec<Update>[];

const createFields: readonly FieldSpec<Create>[] = [{ name: 'kind', label: 'Kind', kind: 'select', options: KINDS }, ...common];

/** Metadata providers (TMDB, TVDB, fanart.tv, MusicBrainz): credentials masked as the API returns them, and a test. */
export default function ProvidersSettings() {
  return (
    <ResourceSection<GetRow, Create, Update>
      title="Metadata providers"
      noun="provider"
      queryKey={['settings', 'providers']}
      load={() => unwrap(api.GET('/api/providers'))}
      name={(p) => p.name}
      columns={[
        { label: 'Name', value: (p) => p.name },
        { label: 'Kind', value: (p) => p.kind },
        { label: 'Priority', value: (p) => p.priority },
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
      createDefaults={{ enabled: true, credentials: { apiKey: '' } }}
      updateFields={common}
      create={(body) => unwrap(api.POST('/api/providers', { body }))}
      update={(p, body) => unwrap(api.PATCH('/api/providers/{id}', { params: { path: { id: p.id } }, body }))}
      remove={(p) => unwrap(api.DELETE('/api/providers/{id}', { params: { path: { id: p.id } } }))}
      test={(p) => unwrap(api.POST('/api/providers/{id}/test', { params: { path: { id: p.id } } }))}
    />
  );
}

type GetRow = GetAnswer<'/api/providers'>[number];
