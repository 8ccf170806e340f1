import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { ProgressBar } from '../../components/ProgressBar';
import { useActivity } from '../activity/queries';
import { DEFAULT_TITLE_LIST } from './data';
import { useLibrary, useScanLibrary } from './queries';
import { useTitleSlices, type TitleListOptions, type TitleRow } from './useTitleSlices';

const ROW_HEIGHT = 48;

/** One library's titles: search, filters and sort over a virtual list that stays fast at 10,000 titles. */
export function LibraryTitles({ libraryId }: { libraryId: string }) {
  const library = useLibrary(libraryId);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<TitleListOptions['filter']>();
  const [sort, setSort] = useState<TitleListOptions['sort']>(DEFAULT_TITLE_LIST.sort);
  const [order, setOrder] = useState<TitleListOptions['order']>(DEFAULT_TITLE_LIST.order);
  // Typing stays responsive: the list follows the search a moment later.
  const q = useDeferredValue(search.trim());
  const options: TitleListOptions = { q: q || undefined, filter, sort, order };

  return (
    <section className="stack">
      <PageHeader title={library.data?.name ?? 'Library'}>
        <ScanButton libraryId={libraryId} />
      </PageHeader>
      {library.error && <ErrorNote error={library.error} />}
      <ScanProgress libraryId={libraryId} />
      <div className="row library-controls" role="search">
        <label className="field" style={{ flex: 1, minWidth: 200 }}>
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Title or original title" />
        </label>
        <label className="field">
          Show
          <select value={filter ?? ''} onChange={(e) => setFilter((e.target.value || undefined) as TitleListOptions['filter'])}>
            <option value="">All present titles</option>
            <option value="unidentified">Unidentified</option>
            <option value="missing-artwork">Missing artwork</option>
            <option value="removed">Removed</option>
          </select>
        </label>
        <label className="field">
          Sort by
          <select value={sort} onChange={(e) => setSort(e.target.value as TitleListOptions['sort'])}>
            <option value="title">Title</option>
            <option value="year">Year</option>
            <option value="added">Added</option>
            <option value="updated">Updated</option>
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => setOrder(order === 'asc' ? 'desc' : 'asc')}
          aria-label={order === 'asc' ? 'Ascending order: switch to descending' : 'Descending order: switch to ascending'}
        >
          {order === 'asc' ? '↑ Ascending' : '↓ Descending'}
        </button>
      </div>
      <TitleList libraryId={libraryId} options={options} />
    </section>
  );
}

function TitleList({ libraryId, options }: { libraryId: string; options: TitleListOptions }) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  const [visible, setVisible] = useState<[number, number]>([0, 40]);
  const titles = useTitleSlices(libraryId, options, visible);
  const virtualizer = useWindowVirtualizer({
    count: titles.total ?? 0,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: offset,
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      setVisible((current) => (current[0] === first && current[1] === last ? current : [first, last]));
    },
  });
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);

  if (titles.isPending) return <Loading what="titles" />;
  if (titles.error) return <ErrorNote error={titles.error} />;
  return (
    <div className="card" style={{ padding: 0 }}>
      <p className="muted list-count" role="status">
        {titles.total} {titles.kind === 'show' ? 'shows' : 'movies'}
      </p>
      <div
        ref={listRef}
        role="list"
        aria-label="Titles"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        data-testid="title-list"
      >
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            className="title-row"
            style={{ height: item.size, transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <TitleRowView row={titles.row(item.index)} kind={titles.kind ?? 'movie'} />
          </div>
        ))}
      </div>
    </div>
  );
}

function TitleRowView({ row, kind }: { row: TitleRow | undefined; kind: 'movie' | 'show' }) {
  if (!row) return <span className="muted">…</span>;
  return (
    <>
      <Link to={`/${kind}s/${row.id}`} className="title-link">
        {row.title}
      </Link>
      <span className="muted">{row.year ?? ''}</span>
      <span className="row title-badges">
        {!row.identified && <Badge tone="warn">unidentified</Badge>}
        {!row.hasPoster && <Badge>no poster</Badge>}
        {row.removed && <Badge tone="danger">removed</Badge>}
      </span>
    </>
  );
}

function ScanButton({ libraryId }: { libraryId: string }) {
  const scan = useScanLibrary();
  return (
    <div className="stack" style={{ gap: 4 }}>
      <button type="button" className="btn" onClick={() => scan.mutate(libraryId)} disabled={scan.isPending}>
        Scan now
      </button>
      {scan.error && <ErrorNote error={scan.error} />}
    </div>
  );
}

/** The library's running scan, live (scan.progress events refresh the activity it comes from). */
function ScanProgress({ libraryId }: { libraryId: string }) {
  const activity = useActivity();
  const scan = activity.data?.scans.find((s) => s.libraryId === libraryId);
  if (!scan) return null;
  const percent = scan.directoriesTotal > 0 ? (100 * scan.directoriesScanned) / scan.directoriesTotal : null;
  return (
    <div className="card stack" style={{ gap: 6 }} data-testid="library-scan">
      <span>
        Scanning: {scan.directoriesScanned} of {scan.directoriesTotal || '?'} folders
      </span>
      <ProgressBar value={percent} label="Scan progress" />
    </div>
  );
}
