import { Navigate, Route, Routes } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { SubNav } from '../../components/SubNav';
import DeliveryTargetsSettings from './DeliveryTargetsSettings';
import IndexersSettings from './IndexersSettings';
import IptvSettings from './IptvSettings';
import LibrariesSettings from './LibrariesSettings';
import NotificationsSettings from './NotificationsSettings';
import PhaseSettings from './PhaseSettings';
import ProvidersSettings from './ProvidersSettings';
import QualityProfilesSettings from './QualityProfilesSettings';
import SchedulesSettings from './SchedulesSettings';
import './settings.css';

/** Every settings section, each at its own address (/settings/<path>). */
export const SETTINGS_SECTIONS = [
  { path: 'libraries', label: 'Libraries', Component: LibrariesSettings },
  { path: 'providers', label: 'Metadata providers', Component: ProvidersSettings },
  { path: 'indexers', label: 'Indexers', Component: IndexersSettings },
  { path: 'notifications', label: 'Notifications', Component: NotificationsSettings },
  { path: 'quality-profiles', label: 'Quality profiles', Component: QualityProfilesSettings },
  { path: 'delivery-targets', label: 'Delivery targets', Component: DeliveryTargetsSettings },
  { path: 'iptv', label: 'IPTV', Component: IptvSettings },
  { path: 'schedules', label: 'Schedules', Component: SchedulesSettings },
  { path: 'phases', label: 'Phases', Component: PhaseSettings },
] as const;

export default function SettingsPage() {
  return (
    <section>
      <PageHeader title="Settings" />
      <SubNav label="Settings sections" links={SETTINGS_SECTIONS.map((s) => ({ to: `/settings/${s.path}`, label: s.label }))} />
      <Routes>
        <Route index element={<Navigate to="libraries" replace />} />
        {SETTINGS_SECTIONS.map(({ path, Component }) => (
          <Route key={path} path={path} element={<Component />} />
        ))}
      </Routes>
    </section>
  );
}
