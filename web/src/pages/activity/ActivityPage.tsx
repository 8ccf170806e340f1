import { ErrorNote } from '../../components/ErrorNote';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { Inbox } from './Inbox';
import { RecentHistory } from './RecentHistory';
import { RunningNow } from './RunningNow';
import { RECENT_EVENTS } from './data';
import { useActivity, useUnidentified } from './queries';
import { useHistory } from '../../history/HistoryList';

/** Home: what runs now, what waits for a person, and what just happened; live, no refresh needed. */
export default function ActivityPage() {
  const activity = useActivity();
  // Asked now, with the activity, rather than once the activity has come and the sections that show them mount.
  useUnidentified();
  useHistory({ limit: RECENT_EVENTS });
  return (
    <section>
      <PageHeader title="Activity" />
      {activity.isPending && <Loading what="activity" />}
      {activity.error && <ErrorNote error={activity.error} />}
      {activity.data && (
        <div className="stack">
          <Inbox activity={activity.data} />
          <RunningNow activity={activity.data} />
          <RecentHistory limit={RECENT_EVENTS} />
        </div>
      )}
    </section>
  );
}
