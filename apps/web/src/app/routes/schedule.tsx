import { getRouteApi } from '@tanstack/react-router';
import { SchedulePage } from '@/features/meetings/components/schedule-page';

const scheduleRoute = getRouteApi('/events/$eventId/schedule');

/** My schedule: its own chunk, without the requests inbox (routes/meetings.tsx). */
export function ScheduleRoute() {
  const { eventId } = scheduleRoute.useParams();
  return <SchedulePage eventId={eventId} />;
}
