import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { GetAnswer } from '../../api/types';
import { ErrorNote } from '../../components/ErrorNote';
import { fieldMessages } from '../../components/fieldMessages';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import type { paths } from '../../../../src/api/openapi/schema.ts';
import { parseEpisodes } from './episodes';
import { useDeliveryTargets, useQualityProfiles } from './queries';
import './requests.css';

type Kind = 'movie' | 'tv';
type Result = GetAnswer<'/api/search'>['results'][number];
type CreateBody = paths['/api/requests']['post']['requestBody']['content']['application/json'];

/** The form fields the API's 400 messages name (`body.<field>: …`). */
const FIELDS = ['type', 'tmdbId', 'seasons', 'episodes', 'qualityProfileId', 'targetIds', 'approvalTimeoutSeconds', 'approvalAutoAction'];

/** The lookup term for a show's seasons: the provider ids the search answered with. */
const lookupTerm = (r: Result) =>
  r.externalIds.tvdb
    ? `tvdb:${r.externalIds.tvdb}`
    : r.externalIds.tmdb
      ? `tmdb:${r.externalIds.tmdb}`
      : r.externalIds.imdb
        ? `imdb:${r.externalIds.imdb}`
        : null;

/** Search a movie or a show through the metadata providers, choose what to get, and request it. */
export function NewRequest() {
  const id = useId();
  const [kind, setKind] = useState<Kind>('movie');
  const [text, setText] = useState('');
  const [search, setSearch] = useState<{ kind: Kind; query: string } | null>(null);
  const [chosen, setChosen] = useState<Result | null>(null);
  const results = useQuery({
    queryKey: ['search', search],
    queryFn: () => unwrap(api.GET('/api/search', { params: { query: { type: search!.kind, query: search!.query, limit: 10 } } })),
    enabled: search !== null,
  });
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setChosen(null);
    setSearch({ kind, query: text.trim() });
  };
  return (
    <section className="stack">
      <p>
        <Link to="/requests">← Requests</Link>
      </p>
      <PageHeader title="New request" />
      <form className="card stack" onSubmit={submitSearch} aria-label="Search">
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">What to search</legend>
          <label className="row">
            <input type="radio" name={`${id}-kind`} checked={kind === 'movie'} onChange={() => setKind('movie')} /> Movie
          </label>
          <label className="row">
            <input type="radio" name={`${id}-kind`} checked={kind === 'tv'} onChange={() => setKind('tv')} /> TV show
          </label>
        </fieldset>
        <div className="row">
          <label className="visually-hidden" htmlFor={`${id}-query`}>
            Title
          </label>
          <input
            id={`${id}-query`}
            type="search"
            placeholder={kind === 'movie' ? 'The Matrix' : 'Breaking Bad'}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ flex: 1, minWidth: 200 }}
          />
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </div>
      </form>
      {results.isFetching && <Loading what="results" />}
      {results.error && <ErrorNote error={results.error} />}
      {results.data && !chosen && (
        <section className="stack" aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>Results</h2>
          {results.data.failedProviders.map((f) => (
            <p key={f.provider} className="notice">
              {f.provider} did not answer: {f.error}
            </p>
          ))}
          {results.data.results.length === 0 && <p className="muted">No provider knows that title.</p>}
          <ul className="search-results">
            {results.data.results.map((r, i) => (
              <li key={i} className="card search-result">
                {r.posterUrl ? <img src={r.posterUrl} alt="" loading="lazy" /> : <span className="poster-missing" />}
                <div className="stack" style={{ gap: 4 }}>
                  <strong>
                    {r.title}
                    {r.year ? ` (${r.year})` : ''}
                  </strong>
                  {r.overview && <span className="muted">{r.overview.length > 240 ? `${r.overview.slice(0, 240)}…` : r.overview}</span>}
                  <span className="muted">
                    {r.providers.join(', ')} · {r.confidence}% match
                  </span>
                </div>
                <button type="button" className="btn btn-small btn-primary" onClick={() => setChosen(r)} aria-label={`Choose ${r.title}`}>
                  Choose
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {chosen && search && <RequestForm kind={search.kind} chosen={chosen} onBack={() => setChosen(null)} />}
    </section>
  );
}

/** What to get of the chosen title, how, and where to: the body of POST /api/requests. */
function RequestForm({ kind, chosen, onBack }: { kind: Kind; chosen: Result; onBack: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const profiles = useQualityProfiles();
  const targets = useDeliveryTargets();
  const term = kind === 'tv' ? lookupTerm(chosen) : null;
  const seasons = useQuery({
    queryKey: ['search', 'seasons', term],
    queryFn: () => unwrap(api.GET('/api/v3/series/lookup', { params: { query: { term: term! } } })),
    enabled: term !== null,
  });
  const seasonNumbers = (seasons.data?.[0]?.seasons ?? []).map((s) => s.seasonNumber).filter((n) => n > 0);
  const [picked, setPicked] = useState<number[]>([]);
  const [episodeText, setEpisodeText] = useState('');
  const [profileId, setProfileId] = useState('');
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const [requireApproval, setRequireApproval] = useState(false);
  const [timeoutHours, setTimeoutHours] = useState('');
  const [autoAction, setAutoAction] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: CreateBody) => unwrap(api.POST('/api/requests', { body })),
    onSuccess: (request) => void navigate(`/requests/${request.id}`),
  });
  const messages = fieldMessages(create.error, FIELDS);
  const said = (field: string) => {
    const text = messages.byField.get(field);
    return text ? (
      <small className="field-error" role="alert">
        {text.join('; ')}
      </small>
    ) : null;
  };
  const profileChoice = profileId || profiles.data?.[0]?.id || '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    const { episodes, bad } = parseEpisodes(episodeText);
    if (bad.length > 0) return setLocalError(`Not an episode: ${bad.join(', ')} (write S01E03 or 1x03)`);
    const body: CreateBody = {
      type: kind,
      tmdbId: chosen.externalIds.tmdb,
      tvdbId: chosen.externalIds.tvdb,
      imdbId: chosen.externalIds.imdb,
      title: chosen.title,
      year: chosen.year,
      qualityProfileId: profileChoice,
      targetIds,
      requireApproval,
      ...(kind === 'tv' ? { seasons: picked, episodes } : {}),
      ...(requireApproval && timeoutHours ? { approvalTimeoutSeconds: Math.round(Number(timeoutHours) * 3600) } : {}),
      ...(requireApproval && autoAction ? { approvalAutoAction: autoAction as 'approve' | 'reject' | 'cancel' } : {}),
    };
    create.mutate(body);
  };
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <form className="card stack request-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id={`${id}-title`}>
          {chosen.title}
          {chosen.year ? ` (${chosen.year})` : ''}
        </h2>
        <button type="button" className="btn btn-small" onClick={onBack}>
          Back to the results
        </button>
      </div>
      {said('tmdbId')}
      {kind === 'tv' && (
        <>
          <fieldset className="stack" style={{ gap: 6 }} aria-describedby={`${id}-seasons-hint`}>
            <legend>Seasons</legend>
            {seasons.isPending && term && <Loading what="the seasons" />}
            {seasons.error && <ErrorNote error={seasons.error} />}
            {seasons.data && seasonNumbers.length === 0 && <p className="muted">No provider lists seasons of this show.</p>}
            <div className="season-picker">
              {seasonNumbers.map((n) => (
                <label key={n} className="row">
                  <input type="checkbox" checked={picked.includes(n)} onChange={() => setPicked((p) => toggle(p, n))} /> Season {n}
                </label>
              ))}
            </div>
            <small id={`${id}-seasons-hint`} className="muted">
              Every episode of a chosen season, the ones to come included.
            </small>
            {said('seasons')}
          </fieldset>
          <label className="field" htmlFor={`${id}-episodes`}>
            Or single episodes
          </label>
          <input
            id={`${id}-episodes`}
            placeholder="S01E01, S01E02"
            value={episodeText}
            onChange={(e) => setEpisodeText(e.target.value)}
            aria-invalid={messages.byField.has('episodes') || undefined}
          />
          {said('episodes')}
        </>
      )}
      <div className="stack" style={{ gap: 4 }}>
        <label className="field" htmlFor={`${id}-profile`}>
          Quality profile
        </label>
        <select id={`${id}-profile`} value={profileChoice} onChange={(e) => setProfileId(e.target.value)}>
          {profiles.data?.length === 0 && <option value="">No profiles: add one in Settings</option>}
          {profiles.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {said('qualityProfileId')}
      </div>
      <fieldset className="stack" style={{ gap: 6 }}>
        <legend>Deliver to</legend>
        {targets.data?.length === 0 && (
          <p className="muted">
            No delivery targets: <Link to="/settings/delivery-targets">add one</Link>.
          </p>
        )}
        {targets.data?.map((t) => (
          <label key={t.id} className="row">
            <input type="checkbox" checked={targetIds.includes(t.id)} onChange={() => setTargetIds((ids) => toggle(ids, t.id))} /> {t.name}{' '}
            <span className="muted mono">{t.path}</span>
          </label>
        ))}
        {said('targetIds')}
      </fieldset>
      <fieldset className="stack" style={{ gap: 6 }}>
        <legend>Approval</legend>
        <label className="row">
          <input type="checkbox" checked={requireApproval} onChange={(e) => setRequireApproval(e.target.checked)} /> A person approves each
          selected release before it downloads
        </label>
        {requireApproval && (
          <div className="row">
            <label className="field">
              Decide by itself after (hours)
              <input type="number" min={0} step="any" value={timeoutHours} onChange={(e) => setTimeoutHours(e.target.value)} />
              {said('approvalTimeoutSeconds')}
            </label>
            <label className="field">
              Then
              <select value={autoAction} onChange={(e) => setAutoAction(e.target.value)}>
                <option value="">the server’s default</option>
                <option value="approve">approve</option>
                <option value="reject">reject</option>
                <option value="cancel">cancel</option>
              </select>
              {said('approvalAutoAction')}
            </label>
          </div>
        )}
      </fieldset>
      {localError && <ErrorNote error={localError} />}
      {messages.general.length > 0 && <ErrorNote error={messages.general.join('; ')} />}
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          Request {chosen.title}
        </button>
      </div>
    </form>
  );
}
