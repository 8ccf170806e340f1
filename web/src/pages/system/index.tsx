import { PageHeader } from '../../components/PageHeader';
import { Health } from './Health';
import { HistoryBrowser } from './HistoryBrowser';
import { ScanRuns } from './ScanRuns';
import { WebhookDeliveries } from './WebhookDeliveries';

/** How Reelflow itself is doing: its services, its webhooks, and everything that happened. */
export default function SystemPage() {
  return (
    <section className="stack">
      <PageHeader title="System" />
      <Health />
      <ScanRuns />
      <WebhookDeliveries />
      <HistoryBrowser />
    </section>
  );
}
