import { getRouteApi } from '@tanstack/react-router';
import { QueryState } from '@/components/query-state';
import { SignUpsPage } from '@/features/site-visits/components/sign-ups-page';
import { useEvent } from '@/lib/events';

const route = getRouteApi('/events/$eventId/visits/$sessionId');

/** Organisers: a site visit's sign-up list. */
export function SiteVisitSignUpsRoute() {
  const { eventId, sessionId } = route.useParams();
  const event = useEvent(eventId);
  return (
    <QueryState query={event}>
      {(data) => <SignUpsPage eventId={eventId} sessionId={sessionId} timeZone={data.timeZone} />}
    </QueryState>
  );
}
