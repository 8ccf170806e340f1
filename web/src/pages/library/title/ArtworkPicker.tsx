import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client';
import { Badge } from '../../../components/Badge';
import { ErrorNote } from '../../../components/ErrorNote';
import { Loading } from '../../../components/Loading';
import { useArtworkCandidates, useArtworkChoice, type ArtworkCandidate, type ArtworkType, type TitleKind } from './queries';

const TYPES: { type: ArtworkType; label: string }[] = [
  { type: 'poster', label: 'Posters' },
  { type: 'fanart', label: 'Fanart' },
  { type: 'clearlogo', label: 'Logos' },
];

const language = (c: ArtworkCandidate): string | null => {
  const value = c.metadata?.language ?? c.metadata?.iso_639_1 ?? c.metadata?.lang;
  return typeof value === 'string' && value ? value : null;
};

/** Every artwork candidate the providers offered, with score, size and language: select one or reject some. */
export function ArtworkPicker({ kind, titleId }: { kind: TitleKind; titleId: string }) {
  const [type, setType] = useState<ArtworkType>('poster');
  const candidates = useArtworkCandidates(kind, titleId, type);
  const choose = useArtworkChoice(kind, titleId);
  return (
    <div className="stack">
      <div className="row">
        <div className="row" role="tablist" aria-label="Artwork type">
          {TYPES.map((t) => (
            <button
              key={t.type}
              type="button"
              role="tab"
              aria-selected={type === t.type}
              className={type === t.type ? 'btn btn-small btn-primary' : 'btn btn-small'}
              onClick={() => setType(t.type)}
            >
              {t.label}
            </button>
          ))}
        </div>
        {kind === 'movie' && <FetchArtwork titleId={titleId} />}
      </div>
      {candidates.isPending && <Loading what="artwork" />}
      {candidates.error && <ErrorNote error={candidates.error} />}
      {choose.error && <ErrorNote error={choose.error} />}
      {candidates.data && candidates.data.length === 0 && <p className="muted">No candidates: refresh the title to ask the providers.</p>}
      {candidates.data && candidates.data.length > 0 && (
        <ul className={type === 'poster' ? 'artwork-grid' : 'artwork-grid wide'} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {candidates.data.map((c, i) => {
            const name = `${c.provider} ${type} ${i + 1}`;
            return (
              <li
                key={c.id}
                className={c.isSelected ? 'artwork-card selected' : c.isRejected ? 'artwork-card rejected' : 'artwork-card'}
                data-testid="artwork-candidate"
                data-url={c.url}
              >
                <img src={c.url} alt={name} loading="lazy" />
                <span className="row" style={{ justifyContent: 'space-between' }}>
                  <strong>{c.provider}</strong>
                  {c.score !== null && <span>score {c.score}</span>}
                </span>
                <span className="muted">
                  {c.width && c.height ? `${c.width}×${c.height}` : 'size unknown'}
                  {language(c) && ` · ${language(c)}`}
                </span>
                <span className="row">
                  {c.isSelected && <Badge tone="ok">selected</Badge>}
                  {c.isRejected && <Badge tone="danger">rejected</Badge>}
                </span>
                <span className="row">
                  {!c.isSelected && (
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      disabled={choose.isPending}
                      onClick={() => choose.mutate({ assetId: c.id, choice: 'select' })}
                      aria-label={`Select ${name}`}
                    >
                      Select
                    </button>
                  )}
                  {!c.isRejected && !c.isSelected && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={choose.isPending}
                      onClick={() => choose.mutate({ assetId: c.id, choice: 'reject' })}
                      aria-label={`Reject ${name}`}
                    >
                      Reject
                    </button>
                  )}
                  {(c.isSelected || c.isRejected) && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={choose.isPending}
                      onClick={() => choose.mutate({ assetId: c.id, choice: 'clear' })}
                      aria-label={`Clear the choice of ${name}`}
                    >
                      Clear
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function FetchArtwork({ titleId }: { titleId: string }) {
  const client = useQueryClient();
  const fetchAssets = useMutation({
    mutationFn: () => unwrap(api.POST('/api/movies/{id}/provider-assets/fetch', { params: { path: { id: titleId } }, body: {} })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['title', 'movie', titleId] }),
  });
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => fetchAssets.mutate()} disabled={fetchAssets.isPending}>
        {fetchAssets.isPending ? 'Asking the providers…' : 'Ask the providers'}
      </button>
      {fetchAssets.error && <ErrorNote error={fetchAssets.error} />}
    </>
  );
}
