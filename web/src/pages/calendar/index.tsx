import { PageHeader } from '../../components/PageHeader';

/** The Calendar page (its own folder: web/src/pages/calendar/). */
export default function CalendarPage() {
  return (
    <section>
      <PageHeader title="Calendar" />
      <p className="muted">This page is on its way.</p>
    </section>
  );
}
