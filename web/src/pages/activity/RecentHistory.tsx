import { HistoryList } from '../../history/HistoryList';

export function RecentHistory({ limit }: { limit: number }) {
  return (
    <section className="card stack" aria-labelledby="recent-title">
      <h2 id="recent-title">Recently</h2>
      <HistoryList limit={limit} />
    </section>
  );
}
