import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';
import { ResourceSection } from './ResourceSection';
import type { Body, FieldSpec } from './types';

type Create = Body<'/api/delivery-targets', 'post'>;
type Update = Body<'/api/delivery-targets/{id}', 'patch'>;

const KINDS = [
  { value: 'local', label: 'A folder on this machine' },
  { value: 'rsync', label: 'rsync (daemon or SSH)' },
];

/** Where finished items are delivered: a local folder (optionally a library's) or an rsync destination. */
export default function DeliveryTargetsSettings() {
  const libraries = useQuery({ queryKey: ['libraries'], queryFn: () => unwrap(api.GET('/api/libraries')) });
  const libraryOptions = (libraries.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  const libraryName = (id: string | null) => libraries.data?.find((l) => l.id === id)?.name ?? '—';
  const fields: readonly FieldSpec<Update>[] = [
    { name: 'name', label: 'Name', kind: 'text' },
    { name: 'kind', label: 'Kind', kind: 'select', options: KINDS },
    { name: 'path', label: 'Path', kind: 'text', hint: '/srv/media/tv, rsync://host/module/folder or user@host:/folder' },
    { name: 'libraryId', label: 'Library to refresh', kind: 'select', options: libraryOptions, emptyAsNull: true },
    {
      name: 'recycleFolder',
      label: 'Recycle folder',
      kind: 'text',
      hint: 'Relative to the target; empty: .reelflow-recycle',
      emptyAsNull: true,
    },
  ];
  return (
    <ResourceSection<GetAnswer<'/api/delivery-targets'>[number], Create, Update>
      title="Delivery targets"
      noun="delivery target"
      queryKey={['settings', 'delivery-targets']}
      load={() => unwrap(api.GET('/api/delivery-targets'))}
      name={(t) => t.name}
      columns={[
        { label: 'Name', value: (t) => t.name },
        { label: 'Kind', value: (t) => t.kind },
        { label: 'Path', value: (t) => <span className="mono">{t.path}</span> },
        { label: 'Library', value: (t) => libraryName(t.libraryId) },
      ]}
      createFields={fields}
      createDefaults={{ kind: 'local' }}
      updateFields={fields}
      create={(body) => unwrap(api.POST('/api/delivery-targets', { body }))}
      update={(t, body) => unwrap(api.PATCH('/api/delivery-targets/{id}', { params: { path: { id: t.id } }, body }))}
      remove={(t) => unwrap(api.DELETE('/api/delivery-targets/{id}', { params: { path: { id: t.id } } }))}
    />
  );
}
