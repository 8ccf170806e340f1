import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';
import { ResourceSection } from './ResourceSection';
import type { Body, FieldSpec } from './types';

type Create = Body<'/api/quality-profiles', 'post'>;
type Update = Body<'/api/quality-profiles/{id}', 'patch'>;

const RESOLUTIONS = [480, 576, 720, 1080, 2160].map((r) => ({ value: String(r), label: `${r}p` }));

const fields = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'minResolution', label: 'Lowest resolution', kind: 'select', options: RESOLUTIONS, numeric: true },
  { name: 'preferredResolution', label: 'Preferred resolution', kind: 'select', options: RESOLUTIONS, numeric: true },
  { name: 'minSizeMb', label: 'Smallest (MB per episode)', kind: 'number' },
  { name: 'maxSizeMb', label: 'Largest (MB per episode)', kind: 'number' },
  { name: 'rejectedWords', label: 'Rejected words', kind: 'list', hint: 'Comma-separated' },
  { name: 'preferredWords', label: 'Preferred words', kind: 'list', hint: 'Comma-separated' },
  {
    name: 'encode',
    label: 'Encoding',
    kind: 'json',
    hint: 'videoCodec libx264|libx265, crf, preset, maxHeight, audioCodec aac|copy, audioBitrateKbps',
  },
] as const satisfies readonly FieldSpec<Update>[];

/** Quality profiles: what a release must be, and how it is encoded. */
export default function QualityProfilesSettings() {
  return (
    <ResourceSection<GetAnswer<'/api/quality-profiles'>[number], Create, Update>
      title="Quality profiles"
      noun="quality profile"
      queryKey={['settings', 'quality-profiles']}
      load={() => unwrap(api.GET('/api/quality-profiles'))}
      name={(q) => q.name}
      columns={[
        { label: 'Name', value: (q) => q.name },
        { label: 'Resolution', value: (q) => `${q.minResolution}p – ${q.preferredResolution}p preferred` },
        { label: 'Size (MB)', value: (q) => `${q.minSizeMb} – ${q.maxSizeMb}` },
        { label: 'Encode', value: (q) => `${q.encode.videoCodec} crf ${q.encode.crf}` },
      ]}
      createFields={fields}
      createDefaults={{
        minResolution: 720,
        preferredResolution: 1080,
        minSizeMb: 0,
        maxSizeMb: 20000,
        encode: { videoCodec: 'libx264', crf: 22, preset: 'medium', maxHeight: 1080, audioCodec: 'aac', audioBitrateKbps: 160 },
      }}
      updateFields={fields}
      create={(body) => unwrap(api.POST('/api/quality-profiles', { body }))}
      update={(q, body) => unwrap(api.PATCH('/api/quality-profiles/{id}', { params: { path: { id: q.id } }, body }))}
      remove={(q) => unwrap(api.DELETE('/api/quality-profiles/{id}', { params: { path: { id: q.id } } }))}
    />
  );
}
