import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { fieldMessages } from '../../components/fieldMessages';
import type { FieldSpec } from './types';

type Values = Record<string, string | boolean>;

/** A stored value as the form edits it: lists joined by commas, objects as indented JSON. */
function toFormValue(kind: FieldSpec<unknown>['kind'], value: unknown): string | boolean {
  if (kind === 'checkbox') return Boolean(value);
  if (value === undefined || value === null) return '';
  if (kind === 'list' || kind === 'numbers') return Array.isArray(value) ? value.join(', ') : String(value);
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return String(value as string | number);
}

/** The form's text back as the API takes it; a JSON field that does not parse is named. */
function fromFormValue(spec: FieldSpec<unknown>, value: string | boolean): unknown {
  if (spec.kind === 'checkbox') return value === true;
  const text = String(value).trim();
  if (text === '') return spec.emptyAsNull ? null : undefined;
  switch (spec.kind) {
    case 'number':
      return Number(text);
    case 'select':
      return spec.numeric ? Number(text) : text;
    case 'list':
      return text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    case 'numbers':
      return text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number);
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new JsonFieldError(spec.name, `${spec.label} is not valid JSON`);
      }
    default:
      return text;
  }
}

class JsonFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One settings form for every resource: the fields come from a list of specs keyed by the route's body
 * type, the values are converted to what the API takes, and the API's 400 is shown next to each field it
 * names (anything else above the buttons). With `initial`, only the changed fields are sent (a PATCH, and
 * masked secrets stay as stored); without it every filled field is.
 */
export function ResourceForm<B>({
  fields,
  initial,
  defaults,
  onSubmit,
  error,
  pending,
  submitLabel,
  label,
  onTest,
  testPending,
  children,
}: {
  fields: readonly FieldSpec<B>[];
  initial?: Partial<Record<keyof B, unknown>>;
  defaults?: Partial<Record<keyof B, unknown>>;
  onSubmit: (body: B) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** The form's accessible name ("New indexer", "Edit TMDB"). */
  label: string;
  /** Tries the form's values without saving them (every field, changed or not). */
  onTest?: (body: B) => void;
  testPending?: boolean;
  /** More beside the buttons. */
  children?: ReactNode;
}) {
  const id = useId();
  const start = (): Values =>
    Object.fromEntries(fields.map((f) => [f.name, toFormValue(f.kind, (initial ?? defaults)?.[f.name as keyof B])]));
  const [values, setValues] = useState<Values>(start);
  const [localError, setLocalError] = useState<JsonFieldError | null>(null);
  const messages = fieldMessages(
    error,
    fields.map((f) => f.name),
  );
  if (localError) messages.byField.set(localError.field, [localError.message]);

  /** The body to send: only the changed fields when editing (unless `all`), every filled one otherwise. */
  const build = (all: boolean): B | undefined => {
    setLocalError(null);
    const original = start();
    const body: Record<string, unknown> = {};
    try {
      for (const spec of fields) {
        const value = values[spec.name]!;
        if (initial && !all && value === original[spec.name]) continue;
        const converted = fromFormValue(spec as FieldSpec<unknown>, value);
        if (converted !== undefined) body[spec.name] = converted;
      }
    } catch (failure) {
      if (failure instanceof JsonFieldError) {
        setLocalError(failure);
        return undefined;
      }
      throw failure;
    }
    return body as B;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = build(false);
    if (body) onSubmit(body);
  };

  return (
    <form className="stack settings-form" onSubmit={submit} aria-label={label} noValidate>
      <div className="settings-fields">
        {fields.map((spec) => {
          const fieldId = `${id}-${spec.name}`;
          const said = messages.byField.get(spec.name);
          const describedBy = [said && `${fieldId}-error`, spec.hint && `${fieldId}-hint`].filter(Boolean).join(' ') || undefined;
          const common = {
            id: fieldId,
            name: spec.name,
            'aria-invalid': said ? true : undefined,
            'aria-describedby': describedBy,
          };
          const value = values[spec.name];
          const set = (next: string | boolean) => setValues((all) => ({ ...all, [spec.name]: next }));
          return (
            <div key={spec.name} className={spec.kind === 'json' ? 'settings-field wide' : 'settings-field'}>
              {spec.kind === 'checkbox' ? (
                <label className="row" htmlFor={fieldId}>
                  <input type="checkbox" {...common} checked={value === true} onChange={(e) => set(e.target.checked)} />
                  {spec.label}
                </label>
              ) : (
                <label className="field" htmlFor={fieldId}>
                  {spec.label}
                </label>
              )}
              {spec.kind === 'select' && (
                <select {...common} value={String(value)} onChange={(e) => set(e.target.value)}>
                  <option value="">—</option>
                  {spec.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
              {spec.kind === 'json' && (
                <textarea {...common} className="mono" rows={6} value={String(value)} onChange={(e) => set(e.target.value)} />
              )}
              {spec.kind !== 'checkbox' && spec.kind !== 'select' && spec.kind !== 'json' && (
                <input
                  {...common}
                  type={spec.kind === 'password' ? 'password' : spec.kind === 'number' ? 'number' : 'text'}
                  autoComplete="off"
                  value={String(value)}
                  onChange={(e) => set(e.target.value)}
                />
              )}
              {spec.hint && (
                <small id={`${fieldId}-hint`} className="muted">
                  {spec.hint}
                </small>
              )}
              {said && (
                <small id={`${fieldId}-error`} className="field-error" role="alert">
                  {said.join('; ')}
                </small>
              )}
            </div>
          );
        })}
      </div>
      {messages.general.length > 0 && <ErrorNote error={messages.general.join('; ')} />}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {submitLabel}
        </button>
        {onTest && (
          <button
            type="button"
            className="btn"
            disabled={testPending}
            onClick={() => {
              const body = build(true);
              if (body) onTest(body);
            }}
          >
            {testPending ? 'Testing…' : 'Test these settings'}
          </button>
        )}
        {children}
      </div>
    </form>
  );
}
