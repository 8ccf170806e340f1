import { PageHeader } from '../../components/PageHeader';

/** The System page (its own folder: web/src/pages/system/). */
export default function SystemPage() {
  return (
    <section>
      <PageHeader title="System" />
      <p className="muted">This page is on its way.</p>
    </section>
  );
}
