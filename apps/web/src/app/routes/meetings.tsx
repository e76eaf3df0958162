import { getRouteApi } from '@tanstack/react-router';
import { RequestsPage } from '@/features/meetings/components/requests-page';
import { SchedulePage } from '@/features/meetings/components/schedule-page';

const requestsRoute = getRouteApi('/events/$eventId/requests');
const scheduleRoute = getRouteApi('/events/$eventId/schedule');

export function RequestsRoute() {
  const { eventId } = requestsRoute.useParams();
  return <RequestsPage eventId={eventId} />;
}

export function ScheduleRoute() {
  const { eventId } = scheduleRoute.useParams();
  return <SchedulePage eventId={eventId} />;
}
