import { useLocation } from 'react-router';
import { Badge } from '../../../components/Badge';
import { ErrorNote } from '../../../components/ErrorNote';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { HistoryList } from '../../../history/HistoryList';
import { ArtworkPicker } from './ArtworkPicker';
import { FieldEditor } from './FieldEditor';
import { FilesTable } from './FilesTable';
import { IdentifyPanel } from './IdentifyPanel';
import { useArtworkCandidates, useRefreshTitle, useTitle, type TitleDetail, type TitleKind } from './queries';

/** A movie or a show: artwork, metadata (editable, each edit locked), files and streams, IPTV, history. */
export default function TitlePage({ titleId }: { titleId: string }) {
  const kind: TitleKind = useLocation().pathname.startsWith('/shows/') ? 'show' : 'movie';
  const title = useTitle(kind, titleId);
  if (title.isPending) return <Loading what="the title" />;
  if (title.error) return <ErrorNote error={title.error} />;
  const t = title.data;
  return (
    <article className="stack">
      <PageHeader title={`${t.title}${t.year ? ` (${t.year})` : ''}`}>
        <RefreshButton kind={kind} titleId={titleId} />
      </PageHeader>
      <div className="row">
        {t.identificationStatus === 'identified' ? (
          <Badge tone="ok">identified ({t.identificationSource})</Badge>
        ) : (
          <Badge tone="warn">unidentified</Badge>
        )}
        {t.removedAt && <Badge tone="danger">removed</Badge>}
        {t.ids.tmdb && <Badge>TMDB {t.ids.tmdb}</Badge>}
        {t.ids.imdb && <Badge>{t.ids.imdb}</Badge>}
        {t.ids.tvdb && <Badge>TVDB {t.ids.tvdb}</Badge>}
      </div>
      <Hero kind={kind} title={t} />
      <section className="card stack" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        <p className="muted" style={{ margin: 0 }}>
          Editing a field locks it: scans and refreshes keep your value until you unlock it with its lock button.
        </p>
        <FieldEditor kind={kind} title={t} />
      </section>
      <section className="card stack" aria-labelledby="identify-title">
        <h2 id="identify-title">Identification</h2>
        <IdentifyPanel kind={kind} titleId={titleId} />
      </section>
      <section className="card stack" aria-labelledby="artwork-title">
        <h2 id="artwork-title">Artwork</h2>
        <ArtworkPicker kind={kind} titleId={titleId} />
      </section>
      {t.actors.length > 0 && (
        <section className="card stack" aria-labelledby="cast-title">
          <h2 id="cast-title">Cast</h2>
          <ul
            className="grid"
            style={{ listStyle: 'none', padding: 0, margin: 0, gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))' }}
          >
            {t.actors.map((a) => (
              <li key={`${a.order}-${a.name}`}>
                <strong>{a.name}</strong>
                {a.role && <span className="muted"> as {a.role}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card stack" aria-labelledby="files-title">
        <h2 id="files-title">Files and streams</h2>
        <FilesTable files={t.mediaFiles} />
        <dl className="stack" style={{ gap: 4, margin: 0 }}>
          <dt className="muted">Folder</dt>
          <dd className="mono" style={{ margin: 0 }}>
            {t.folderPath}
          </dd>
          <dt className="muted">NFO</dt>
          <dd className="mono" style={{ margin: 0 }}>
            {t.nfoPath ?? 'none yet'}
            {t.unreadableNfoPath && ` (unreadable: ${t.unreadableNfoPath})`}
          </dd>
        </dl>
        {t.scanErrors.length > 0 && (
          <ul>
            {t.scanErrors.map((e) => (
              <li key={e.relativePath}>
                <span className="mono">{e.relativePath}</span>: {e.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      {'seasons' in t && t.seasons.length > 0 && (
        <section className="card stack" aria-labelledby="seasons-title">
          <h2 id="seasons-title">Seasons</h2>
          {t.seasons.map((s) => (
            <details key={s.seasonNumber}>
              <summary>
                {s.name ?? s.title ?? `Season ${s.seasonNumber}`} · {s.episodes.length} episodes
              </summary>
              <ol>
                {s.episodes.map((e) => (
                  <li key={e.id} value={e.episodeNumber}>
                    {e.title ?? `Episode ${e.episodeNumber}`} {e.aired && <span className="muted">({e.aired})</span>}
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      )}
      <section className="card stack" aria-labelledby="iptv-title">
        <h2 id="iptv-title">IPTV</h2>
        {t.iptv.length === 0 ? (
          <p className="muted">No IPTV catalogue offers this title.</p>
        ) : (
          <ul>
            {t.iptv.map((i) => (
              <li key={`${i.providerId}/${i.titleKey}`}>
                {i.providerName}: {i.name}
                {i.streams.movie && ' · movie stream'}
                {i.streams.episodes && ` · ${Object.keys(i.streams.episodes).length} episode streams`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <HistoryList titleId={titleId} />
      </section>
    </article>
  );
}

/** The poster and fanart: the folder's own (served from the cache), else the provider artwork selected. */
function Hero({ kind, title }: { kind: TitleKind; title: TitleDetail }) {
  const posters = useArtworkCandidates(kind, title.id, 'poster');
  const fanarts = useArtworkCandidates(kind, title.id, 'fanart');
  const local = (type: string) => title.assets.find((a) => a.assetType === type && a.season === null);
  const image = (type: 'poster' | 'fanart') => {
    const selected = (type === 'poster' ? posters : fanarts).data?.find((c) => c.isSelected);
    if (selected) return selected.url;
    const asset = local(type);
    return asset ? `/api/${kind}s/${title.id}/assets/${asset.id}/content` : undefined;
  };
  const poster = image('poster');
  const fanart = image('fanart');
  return (
    <div className="title-hero">
      {poster ? (
        <img className="poster" src={poster} alt={`Poster of ${title.title}`} data-testid="title-poster" />
      ) : (
        <div className="poster-placeholder">No poster</div>
      )}
      <div className="stack">
        {fanart && <img className="fanart" src={fanart} alt={`Fanart of ${title.title}`} />}
        {title.tagline && <em>{title.tagline}</em>}
        <p style={{ margin: 0 }} data-testid="title-plot">
          {title.plot ?? <span className="muted">No plot.</span>}
        </p>
        {title.genres.length > 0 && <p className="muted">{title.genres.join(' · ')}</p>}
      </div>
    </div>
  );
}

function RefreshButton({ kind, titleId }: { kind: TitleKind; titleId: string }) {
  const refresh = useRefreshTitle(kind, titleId);
  return (
    <div className="stack" style={{ gap: 4 }}>
      <button type="button" className="btn" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
        {refresh.isSuccess ? 'Refreshing…' : 'Refresh now'}
      </button>
      {refresh.error && <ErrorNote error={refresh.error} />}
    </div>
  );
}
