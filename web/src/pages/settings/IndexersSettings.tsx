import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/Badge';
import type { GetAnswer } from '../../api/types';
import { ResourceSection } from './ResourceSection';
import type { Body, FieldSpec } from './types';

type Create = Body<'/api/indexers', 'post'>;
type Update = Body<'/api/indexers/{id}', 'patch'>;

const fields = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'url', label: 'Torznab URL', kind: 'text', hint: 'Without the key: http://prowlarr:9696/1/api' },
  { name: 'apiKey', label: 'API key', kind: 'password', hint: 'Never shown again once saved; leave empty to keep it.' },
  { name: 'categories', label: 'Categories', kind: 'numbers', hint: 'Comma-separated, e.g. 2000, 5000' },
  { name: 'priority', label: 'Priority (1–50)', kind: 'number' },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
] as const satisfies readonly FieldSpec<Update>[];

/** Torznab indexers, with a `t=caps` test; those Prowlarr manages say so. */
export default function IndexersSettings() {
  return (
    <ResourceSection<GetAnswer<'/api/indexers'>[number], Create, Update>
      title="Indexers"
      noun="indexer"
      queryKey={['settings', 'indexers']}
      load={() => unwrap(api.GET('/api/indexers'))}
      name={(i) => i.name}
      columns={[
        { label: 'Name', value: (i) => i.name },
        { label: 'URL', value: (i) => <span className="mono">{i.url}</span> },
        { label: 'Priority', value: (i) => i.priority },
        { label: 'Key', value: (i) => (i.hasApiKey ? 'set' : 'none') },
        { label: 'Managed by', value: (i) => i.managedBy },
        { label: 'State', value: (i) => <Badge tone={i.enabled ? 'ok' : 'neutral'}>{i.enabled ? 'enabled' : 'disabled'}</Badge> },
      ]}
      createFields={fields}
      createDefaults={{ enabled: true, priority: 25, categories: [2000, 5000] }}
      updateFields={fields}
      create={(body) => unwrap(api.POST('/api/indexers', { body }))}
      update={(i, body) => unwrap(api.PATCH('/api/indexers/{id}', { params: { path: { id: i.id } }, body }))}
      remove={(i) => unwrap(api.DELETE('/api/indexers/{id}', { params: { path: { id: i.id } } }))}
      test={(i) => unwrap(api.POST('/api/indexers/{id}/test', { params: { path: { id: i.id } } }))}
    />
  );
}
