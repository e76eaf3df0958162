import { getRouteApi } from '@tanstack/react-router';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const dashboardRoute = getRouteApi('/events/$eventId/manage');

export function DashboardRoute() {
  const { eventId } = dashboardRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <DashboardPage eventId={eventId} />
    </OrganiserNav>
  );
}
