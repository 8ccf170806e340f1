import { useState, type FormEvent } from 'react';
import { ErrorNote } from '../../../components/ErrorNote';
import { Loading } from '../../../components/Loading';
import { useCandidates, useIdentify, type TitleKind } from './queries';

/** Identify a title: one of the candidates the last search offered, or by a provider id. */
export function IdentifyPanel({ kind, titleId }: { kind: TitleKind; titleId: string }) {
  const [open, setOpen] = useState(false);
  const candidates = useCandidates(kind, titleId, open);
  const identify = useIdentify(kind, titleId);
  const [idKind, setIdKind] = useState<'tmdb' | 'imdb' | 'tvdb'>('tmdb');
  const [idValue, setIdValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = idValue.trim();
    identify.mutate(idKind === 'imdb' ? { imdb: value } : { [idKind]: Number(value) });
  };
  if (!open)
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        Identify…
      </button>
    );
  return (
    <div className="stack">
      {candidates.isPending && <Loading what="candidates" />}
      {candidates.error && <ErrorNote error={candidates.error} />}
      {candidates.data && (
        <>
          {candidates.data.reason && <p className="muted">{candidates.data.reason}</p>}
          {candidates.data.candidates.length === 0 && <p className="muted">The last search offered no candidates.</p>}
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 8 }}>
            {candidates.data.candidates.map((c) => (
              <li key={JSON.stringify(c.externalIds)} className="row" style={{ justifyContent: 'space-between' }}>
                <span>
                  <strong>
                    {c.title}
                    {c.year ? ` (${c.year})` : ''}
                  </strong>{' '}
                  <span className="muted">
                    {c.confidence}% ·{' '}
                    {Object.entries(c.externalIds)
                      .map(([k, v]) => `${k} ${v}`)
                      .join(', ')}
                  </span>
                </span>
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  disabled={identify.isPending}
                  onClick={() => identify.mutate({ tmdb: c.externalIds.tmdb, imdb: c.externalIds.imdb, tvdb: c.externalIds.tvdb })}
                >
                  This one
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="row" onSubmit={submit} style={{ alignItems: 'flex-end' }}>
        <label className="field">
          Provider
          <select value={idKind} onChange={(e) => setIdKind(e.target.value as 'tmdb' | 'imdb' | 'tvdb')}>
            <option value="tmdb">TMDB id</option>
            <option value="imdb">IMDb id</option>
            <option value="tvdb">TVDB id</option>
          </select>
        </label>
        <label className="field">
          Id
          <input
            value={idValue}
            onChange={(e) => setIdValue(e.target.value)}
            required
            placeholder={idKind === 'imdb' ? 'tt0113277' : '949'}
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={identify.isPending}>
          Identify
        </button>
      </form>
      {identify.isSuccess && <p role="status">Identified: the title is being refreshed.</p>}
      {identify.error && <ErrorNote error={identify.error} />}
    </div>
  );
}
