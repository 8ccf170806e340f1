import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useLibraries } from './queries';

/** Every library, and a form to add one (its first scan starts at once). */
export function LibrariesIndex() {
  const libraries = useLibraries();
  return (
    <section className="stack">
      <PageHeader title="Library" />
      {libraries.isPending && <Loading what="libraries" />}
      {libraries.error && <ErrorNote error={libraries.error} />}
      {libraries.data && libraries.data.length === 0 && <p className="muted">No library yet: add the folder your films or shows are in.</p>}
      {libraries.data && libraries.data.length > 0 && (
        <ul className="grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {libraries.data.map((library) => (
            <li key={library.id} className="card">
              <h2>
                <Link to={`/libraries/${library.id}`}>{library.name}</Link>
              </h2>
              <p className="muted" style={{ margin: 0 }}>
                {library.kind === 'movie' ? 'Movies' : library.kind === 'tv' ? 'TV shows' : 'Music'} ·{' '}
                <span className="mono">{library.rootPath}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <AddLibrary />
    </section>
  );
}

function AddLibrary() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'movie' | 'tv'>('movie');
  const [rootPath, setRootPath] = useState('');
  const client = useQueryClient();
  const navigate = useNavigate();
  const add = useMutation({
    mutationFn: async () => {
      const library = await unwrap(api.POST('/api/libraries', { body: { name, kind, rootPath } }));
      await unwrap(api.POST('/api/libraries/{id}/scan', { params: { path: { id: library.id } } }));
      return library;
    },
    onSuccess: (library) => {
      void client.invalidateQueries({ queryKey: ['libraries'] });
      void client.invalidateQueries({ queryKey: ['activity'] });
      void navigate(`/libraries/${library.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="add-library-title">
      <h2 id="add-library-title">Add a library</h2>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <label className="field">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label className="field">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as 'movie' | 'tv')}>
            <option value="movie">Movies</option>
            <option value="tv">TV shows</option>
          </select>
        </label>
        <label className="field" style={{ flex: 1, minWidth: 220 }}>
          Folder
          <input value={rootPath} onChange={(e) => setRootPath(e.target.value)} required placeholder="/media/films" />
        </label>
        <button className="btn btn-primary" type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add and scan'}
        </button>
      </div>
      {add.error && <ErrorNote error={add.error} />}
    </form>
  );
}
