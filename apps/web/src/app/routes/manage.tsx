import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { CreateEventPage } from '@/features/organisers/components/create-event-page';
import { EventSettingsPage } from '@/features/organisers/components/event-settings-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const dashboardRoute = getRouteApi('/events/$eventId/manage');
const settingsRoute = getRouteApi('/events/$eventId/manage/settings');

export function DashboardRoute() {
  const { eventId } = dashboardRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <DashboardPage eventId={eventId} />
    </OrganiserNav>
  );
}

export function SettingsRoute() {
  const { eventId } = settingsRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <EventSettingsPage eventId={eventId} />
    </OrganiserNav>
  );
}

/** A new event opens on its settings, where it can be published. */
export function CreateEventRoute() {
  const navigate = useNavigate();
  return (
    <CreateEventPage
      onCreated={(eventId) => void navigate({ to: '/events/$eventId/manage/settings', params: { eventId } })}
    />
  );
}
