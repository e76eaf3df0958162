import { getRouteApi } from '@tanstack/react-router';
import { CheckInPage } from '@/features/checkin/components/check-in-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const checkInRoute = getRouteApi('/events/$eventId/check-in');

export function CheckInRoute() {
  const { eventId } = checkInRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <CheckInPage eventId={eventId} />
    </OrganiserNav>
  );
}
