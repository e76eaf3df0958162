import { getRouteApi } from '@tanstack/react-router';
import { AgreementsPage } from '@/features/agreements/components/agreements-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const agreementsRoute = getRouteApi('/events/$eventId/manage/agreements');

export function AgreementsRoute() {
  const { eventId } = agreementsRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <AgreementsPage eventId={eventId} />
    </OrganiserNav>
  );
}
