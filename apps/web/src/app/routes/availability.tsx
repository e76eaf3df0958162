import { getRouteApi } from '@tanstack/react-router';
import { AvailabilityPage } from '@/features/meetings/components/availability-page';

const route = getRouteApi('/events/$eventId/availability');

export function AvailabilityRoute() {
  const { eventId } = route.useParams();
  return <AvailabilityPage eventId={eventId} />;
}
