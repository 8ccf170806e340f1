import { PageHeader } from '../../components/PageHeader';

/** The Settings page (its own folder: web/src/pages/settings/). */
export default function SettingsPage() {
  return (
    <section>
      <PageHeader title="Settings" />
      <p className="muted">This page is on its way.</p>
    </section>
  );
}
