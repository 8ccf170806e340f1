import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import type { GetAnswer } from '../../api/types';
import { ResourceForm } from './ResourceForm';
import { ResourceSection } from './ResourceSection';
import { LibraryScanSchedule } from './ScheduleControls';
import type { Body, FieldSpec } from './types';

type Library = GetAnswer<'/api/libraries'>[number];
type Create = Body<'/api/libraries', 'post'>;
type Update = Body<'/api/libraries/{id}', 'patch'>;
type MappingBody = Body<'/api/libraries/{id}/path-mappings', 'post'>;

const KINDS = [
  { value: 'movie', label: 'Movies' },
  { value: 'tv', label: 'TV shows' },
  { value: 'music', label: 'Music' },
];

const updateFields = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'rootPath', label: 'Root folder', kind: 'text' },
] as const satisfies readonly FieldSpec<Update>[];
const createFields: readonly FieldSpec<Create>[] = [...updateFields, { name: 'kind', label: 'Kind', kind: 'select', options: KINDS }];
const mappingFields: readonly FieldSpec<MappingBody>[] = [
  { name: 'remotePrefix', label: 'Remote prefix', kind: 'text', hint: 'As Radarr/Sonarr name it: /data/movies' },
  { name: 'localPrefix', label: 'Local prefix', kind: 'text', hint: 'Inside the library root' },
];

/** Libraries, each with its path mappings and scan schedule. */
export default function LibrariesSettings() {
  return (
    <ResourceSection<Library, Create, Update>
      title="Libraries"
      noun="library"
      queryKey={['libraries']}
      load={() => unwrap(api.GET('/api/libraries'))}
      name={(l) => l.name}
      columns={[
        { label: 'Name', value: (l) => l.name },
        { label: 'Kind', value: (l) => l.kind },
        { label: 'Root', value: (l) => <span className="mono">{l.rootPath}</span> },
      ]}
      createFields={createFields}
      createDefaults={{ kind: 'movie' }}
      updateFields={updateFields}
      create={(body) => unwrap(api.POST('/api/libraries', { body }))}
      update={(l, body) => unwrap(api.PATCH('/api/libraries/{id}', { params: { path: { id: l.id } }, body }))}
      remove={(l) => unwrap(api.DELETE('/api/libraries/{id}', { params: { path: { id: l.id } } }))}
      rowExtra={(l) => (
        <>
          <ScanNow library={l} />
          <PathMappings library={l} />
          <div className="stack" style={{ gap: 6 }}>
            <h3>Scan schedule</h3>
            <LibraryScanSchedule libraryId={l.id} />
          </div>
        </>
      )}
    />
  );
}

function ScanNow({ library }: { library: Library }) {
  const scan = useMutation({ mutationFn: () => unwrap(api.POST('/api/libraries/{id}/scan', { params: { path: { id: library.id } } })) });
  return (
    <div className="row">
      <button type="button" className="btn btn-small" disabled={scan.isPending} onClick={() => scan.mutate()}>
        Scan {library.name} now
      </button>
      {scan.data && <span role="status">{scan.data.alreadyRunning ? 'A scan is already running.' : 'Scan started.'}</span>}
      {scan.error && <ErrorNote error={scan.error} />}
    </div>
  );
}

/** Radarr/Sonarr's folder names → this machine's, so their webhooks find the library's folders. */
function PathMappings({ library }: { library: Library }) {
  const key = ['libraries', library.id, 'path-mappings'];
  const path = { params: { path: { id: library.id } } };
  const client = useQueryClient();
  const mappings = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/api/libraries/{id}/path-mappings', path)) });
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (body: MappingBody) => unwrap(api.POST('/api/libraries/{id}/path-mappings', { ...path, body })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (mappingId: string) =>
      unwrap(api.DELETE('/api/libraries/{id}/path-mappings/{mappingId}', { params: { path: { id: library.id, mappingId } } })),
    onSuccess: refresh,
  });
  return (
    <div className="stack" style={{ gap: 6 }}>
      <h3>Path mappings</h3>
      {mappings.error && <ErrorNote error={mappings.error} />}
      {mappings.data?.length === 0 && <p className="muted">None: webhook paths are taken as local paths.</p>}
      {mappings.data && mappings.data.length > 0 && (
        <ul>
          {mappings.data.map((m) => (
            <li key={m.id} className="row">
              <span className="mono">
                {m.remotePrefix} → {m.localPrefix}
              </span>
              <button
                type="button"
                className="btn btn-small btn-danger"
                aria-label={`Remove the mapping of ${m.remotePrefix}`}
                onClick={() => remove.mutate(m.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ErrorNote error={remove.error} />}
      <ResourceForm<MappingBody>
        label={`New path mapping of ${library.name}`}
        fields={mappingFields}
        onSubmit={(body) => add.mutate(body)}
        error={add.error}
        pending={add.isPending}
        submitLabel="Add mapping"
      />
    </div>
  );
}
