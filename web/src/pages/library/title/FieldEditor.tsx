import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/ErrorNote';
import { LockIcon } from '../../../components/LockIcon';
import { useEditTitle, type LockableField, type TitleDetail, type TitleKind } from './queries';

type FieldKind = 'text' | 'long' | 'number' | 'list' | 'date';

/** The fields a person edits on the title page, in order; each edit locks its field. */
const FIELDS: { field: LockableField; label: string; kind: FieldKind }[] = [
  { field: 'title', label: 'Title', kind: 'text' },
  { field: 'originalTitle', label: 'Original title', kind: 'text' },
  { field: 'sortTitle', label: 'Sort title', kind: 'text' },
  { field: 'year', label: 'Year', kind: 'number' },
  { field: 'premiered', label: 'Premiered', kind: 'date' },
  { field: 'plot', label: 'Plot', kind: 'long' },
  { field: 'tagline', label: 'Tagline', kind: 'text' },
  { field: 'runtime', label: 'Runtime (min)', kind: 'number' },
  { field: 'mpaa', label: 'Rating', kind: 'text' },
  { field: 'genres', label: 'Genres', kind: 'list' },
  { field: 'studios', label: 'Studios', kind: 'list' },
  { field: 'directors', label: 'Directors', kind: 'list' },
  { field: 'tags', label: 'Tags', kind: 'list' },
];

const display = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : value === null || value === undefined ? '' : String(value);

/** What the editor's text becomes in the PATCH body: the API's type for the field (it names the field when wrong). */
function parse(kind: FieldKind, text: string): unknown {
  const trimmed = text.trim();
  if (kind === 'list')
    return trimmed
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (trimmed === '') return null;
  if (kind === 'number') return Number(trimmed);
  return trimmed;
}

export function FieldEditor({ kind, title }: { kind: TitleKind; title: TitleDetail }) {
  return (
    <div>
      {FIELDS.map((f) => (
        <FieldRow key={f.field} kind={kind} title={title} spec={f} />
      ))}
    </div>
  );
}

function FieldRow({ kind, title, spec }: { kind: TitleKind; title: TitleDetail; spec: (typeof FIELDS)[number] }) {
  const value = (title as unknown as Record<string, unknown>)[spec.field];
  const locked = title.lockedFields.includes(spec.field);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const edit = useEditTitle(kind, title.id);
  const inputId = `field-${spec.field}`;
  const start = () => {
    setText(display(value));
    setEditing(true);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    edit.mutate({ [spec.field]: parse(spec.kind, text) }, { onSuccess: () => setEditing(false) });
  };
  return (
    <div className="field-row" data-field={spec.field}>
      <label className="field-name" htmlFor={inputId} style={{ fontWeight: 600 }}>
        {spec.label}
      </label>
      {editing ? (
        <form onSubmit={save} className="stack" style={{ gap: 6 }}>
          {spec.kind === 'long' ? (
            <textarea id={inputId} value={text} onChange={(e) => setText(e.target.value)} rows={5} />
          ) : (
            <input
              id={inputId}
              type={spec.kind === 'number' ? 'number' : spec.kind === 'date' ? 'date' : 'text'}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
          <div className="row">
            <button type="submit" className="btn btn-small btn-primary" disabled={edit.isPending}>
              Save and lock
            </button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          {edit.error && <ErrorNote error={edit.error} />}
        </form>
      ) : (
        <div id={inputId} style={{ whiteSpace: spec.kind === 'long' ? 'pre-wrap' : undefined }}>
          {display(value) || <span className="muted">—</span>}
        </div>
      )}
      <div className="row" style={{ flexWrap: 'nowrap' }}>
        {locked && (
          <button
            type="button"
            className="btn btn-icon"
            onClick={() => edit.mutate({ unlock: [spec.field] })}
            disabled={edit.isPending}
            aria-label={`${spec.label} is locked: unlock it (scans and refreshes may change it again)`}
            title="Locked: scans and refreshes keep your value. Click to unlock."
          >
            <LockIcon />
          </button>
        )}
        {!editing && (
          <button type="button" className="btn btn-small" onClick={start} aria-label={`Edit ${spec.label}`}>
            Edit
          </button>
        )}
      </div>
      {!editing && edit.error && <ErrorNote error={edit.error} />}
    </div>
  );
}
