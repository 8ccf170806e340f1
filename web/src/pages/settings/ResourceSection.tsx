import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { TestResult } from '../../components/TestResult';
import { ResourceForm } from './ResourceForm';
import type { FieldSpec } from './types';

export interface Column<Row> {
  label: string;
  value: (row: Row) => ReactNode;
}

/**
 * A list of one kind of setting (indexers, providers, …) with its create, edit, delete and test: the
 * table shows `columns`, the forms show `fields` (see ResourceForm), and every change refetches `queryKey`.
 */
export function ResourceSection<Row extends { id: string | number }, Create, Update>({
  title,
  noun,
  queryKey,
  load,
  name,
  columns,
  createFields,
  createDefaults,
  updateFields,
  create,
  update,
  remove,
  test,
  rowExtra,
}: {
  title: string;
  /** "indexer": used in button and form names. */
  noun: string;
  queryKey: QueryKey;
  load: () => Promise<Row[]>;
  name: (row: Row) => string;
  columns: Column<Row>[];
  createFields: readonly FieldSpec<Create>[];
  createDefaults?: Partial<Record<keyof Create, unknown>>;
  updateFields: readonly FieldSpec<Update>[];
  create: (body: Create) => Promise<unknown>;
  update: (row: Row, body: Update) => Promise<unknown>;
  remove?: (row: Row) => Promise<unknown>;
  test?: (row: Row) => Promise<{ ok: boolean; error?: string | null }>;
  /** More per row (a library's path mappings and schedule), shown when its edit form is open. */
  rowExtra?: (row: Row) => ReactNode;
}) {
  const rows = useQuery({ queryKey, queryFn: load });
  const [adding, setAdding] = useState(false);
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey });
  const createMutation = useMutation({
    mutationFn: create,
    onSuccess: () => {
      setAdding(false);
      refresh();
    },
  });

  return (
    <section className="stack" aria-labelledby={`${noun}-list-title`}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id={`${noun}-list-title`}>{title}</h2>
        <button type="button" className="btn btn-small" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
          {adding ? 'Close' : `Add ${noun}`}
        </button>
      </div>
      {adding && (
        <div className="card">
          <ResourceForm<Create>
            label={`New ${noun}`}
            fields={createFields}
            defaults={createDefaults}
            onSubmit={(body) => createMutation.mutate(body)}
            error={createMutation.error}
            pending={createMutation.isPending}
            submitLabel={`Add ${noun}`}
          />
        </div>
      )}
      {rows.isPending && <Loading what={title.toLowerCase()} />}
      {rows.error && <ErrorNote error={rows.error} />}
      {rows.data && rows.data.length === 0 && <p className="muted">None yet.</p>}
      {rows.data && rows.data.length > 0 && (
        <div style={{ overflowX: 'auto' }}>
          <table className="data">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((row) => (
                <ResourceRow
                  key={row.id}
                  row={row}
                  noun={noun}
                  name={name(row)}
                  columns={columns}
                  fields={updateFields}
                  update={update}
                  remove={remove}
                  test={test}
                  extra={rowExtra}
                  refresh={refresh}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ResourceRow<Row extends { id: string | number }, Update>({
  row,
  noun,
  name,
  columns,
  fields,
  update,
  remove,
  test,
  extra,
  refresh,
}: {
  row: Row;
  noun: string;
  name: string;
  columns: Column<Row>[];
  fields: readonly FieldSpec<Update>[];
  update: (row: Row, body: Update) => Promise<unknown>;
  remove?: (row: Row) => Promise<unknown>;
  test?: (row: Row) => Promise<{ ok: boolean; error?: string | null }>;
  extra?: (row: Row) => ReactNode;
  refresh: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (body: Update) => update(row, body),
    onSuccess: () => {
      setEditing(false);
      refresh();
    },
  });
  const del = useMutation({ mutationFn: () => remove!(row), onSuccess: refresh });
  const check = useMutation({ mutationFn: () => test!(row) });
  return (
    <>
      <tr>
        {columns.map((c) => (
          <td key={c.label}>{c.value(row)}</td>
        ))}
        <td>
          <div className="settings-row-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={editing}
              aria-label={`${editing ? 'Close' : 'Edit'} ${name}`}
              onClick={() => setEditing((open) => !open)}
            >
              {editing ? 'Close' : 'Edit'}
            </button>
            {test && (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Test ${name}`}
                disabled={check.isPending}
                onClick={() => check.mutate()}
              >
                Test
              </button>
            )}
            {remove && (
              <button
                type="button"
                className="btn btn-small btn-danger"
                aria-label={`Delete ${name}`}
                disabled={del.isPending}
                onClick={() => {
                  if (window.confirm(`Delete the ${noun} ${name}?`)) del.mutate();
                }}
              >
                Delete
              </button>
            )}
          </div>
          {check.data && <TestResult answer={check.data} />}
          {check.error && <ErrorNote error={check.error} />}
          {del.error && <ErrorNote error={del.error} />}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={columns.length + 1}>
            <div className="stack">
              <ResourceForm<Update>
                label={`Edit ${name}`}
                fields={fields}
                initial={row as Partial<Record<keyof Update, unknown>>}
                onSubmit={(body) => save.mutate(body)}
                error={save.error}
                pending={save.isPending}
                submitLabel="Save"
              />
              {extra?.(row)}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
