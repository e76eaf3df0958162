import { getRouteApi } from '@tanstack/react-router';
import { B2bPage } from '@/features/b2b/components/b2b-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const b2bRoute = getRouteApi('/events/$eventId/b2b');

export function B2bRoute() {
  const { eventId } = b2bRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <B2bPage eventId={eventId} />
    </OrganiserNav>
  );
}
