import { getRouteApi } from '@tanstack/react-router';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';
import { VisaLettersPage } from '@/features/visa-letters/components/visa-letters-page';

const route = getRouteApi('/events/$eventId/manage/visa-letters');

export function ManageVisaLettersRoute() {
  const { eventId } = route.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <VisaLettersPage eventId={eventId} />
    </OrganiserNav>
  );
}
