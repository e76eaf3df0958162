import { getRouteApi } from '@tanstack/react-router';
import { RequestsPage } from '@/features/meetings/components/requests-page';

const requestsRoute = getRouteApi('/events/$eventId/requests');

export function RequestsRoute() {
  const { eventId } = requestsRoute.useParams();
  return <RequestsPage eventId={eventId} />;
}
