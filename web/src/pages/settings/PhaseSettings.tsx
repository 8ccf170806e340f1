import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import type { GetAnswer } from '../../api/types';
import { ResourceForm } from './ResourceForm';
import type { FieldSpec } from './types';

type PhaseConfig = GetAnswer<'/api/phase-config'>;
type Phase = keyof PhaseConfig;

const TITLES: Record<Phase, string> = { scan: 'Scan', enrichment: 'Enrichment', publish: 'Publish', playerSync: 'Player sync' };

/** "minVideoSizeMb" → "Min video size mb": the keys are the API's, the label only spaces them out. */
const labelOf = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The form's fields follow the phase's values as the API answers them: booleans, numbers, lists, words. */
function fieldsOf<P extends Phase>(values: PhaseConfig[P]): FieldSpec<PhaseConfig[P]>[] {
  return (Object.keys(values) as (keyof PhaseConfig[P] & string)[]).map((name) => {
    const value = values[name];
    const kind = typeof value === 'boolean' ? 'checkbox' : typeof value === 'number' ? 'number' : Array.isArray(value) ? 'list' : 'text';
    return { name, label: labelOf(name), kind };
  });
}

/** Each phase's settings (scan, enrichment, publish, player sync): the API checks each field's type. */
export default function PhaseSettings() {
  const client = useQueryClient();
  const config = useQuery({ queryKey: ['settings', 'phase-config'], queryFn: () => unwrap(api.GET('/api/phase-config')) });
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/phase-config/reset')),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['settings', 'phase-config'] }),
  });
  return (
    <section className="stack" aria-labelledby="phases-title">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="phases-title">Phases</h2>
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={reset.isPending}
          onClick={() => {
            if (window.confirm('Put every phase setting back to its default?')) reset.mutate();
          }}
        >
          Reset all to defaults
        </button>
      </div>
      {reset.error && <ErrorNote error={reset.error} />}
      {config.isPending && <Loading what="phase settings" />}
      {config.error && <ErrorNote error={config.error} />}
      {config.data &&
        (Object.keys(TITLES) as Phase[]).map((phase) => (
          // Keyed by the values: after a save or a reset the form starts from what is stored.
          <PhaseForm key={`${phase}:${JSON.stringify(config.data[phase])}`} phase={phase} values={config.data[phase]} />
        ))}
    </section>
  );
}

function PhaseForm<P extends Phase>({ phase, values }: { phase: P; values: PhaseConfig[P] }) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Partial<PhaseConfig[P]>): Promise<unknown> => {
      switch (phase) {
        case 'scan':
          return unwrap(api.PATCH('/api/phase-config/scan', { body: body as Partial<PhaseConfig['scan']> }));
        case 'enrichment':
          return unwrap(api.PATCH('/api/phase-config/enrichment', { body: body as Partial<PhaseConfig['enrichment']> }));
        case 'publish':
          return unwrap(api.PATCH('/api/phase-config/publish', { body: body as Partial<PhaseConfig['publish']> }));
        default:
          return unwrap(api.PATCH('/api/phase-config/playerSync', { body: body as Partial<PhaseConfig['playerSync']> }));
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: ['settings', 'phase-config'] }),
  });
  return (
    <article className="card stack" aria-labelledby={`phase-${phase}`}>
      <h3 id={`phase-${phase}`}>{TITLES[phase]}</h3>
      <ResourceForm<PhaseConfig[P]>
        label={`${TITLES[phase]} settings`}
        fields={fieldsOf(values)}
        initial={values as Partial<Record<keyof PhaseConfig[P], unknown>>}
        onSubmit={(body) => save.mutate(body)}
        error={save.error}
        pending={save.isPending}
        submitLabel={`Save ${TITLES[phase].toLowerCase()} settings`}
      />
      {save.isSuccess && <span role="status">Saved.</span>}
    </article>
  );
}
