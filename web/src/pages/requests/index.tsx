import { PageHeader } from '../../components/PageHeader';

/** The Requests page (its own folder: web/src/pages/requests/). */
export default function RequestsPage() {
  return (
    <section>
      <PageHeader title="Requests" />
      <p className="muted">This page is on its way.</p>
    </section>
  );
}
