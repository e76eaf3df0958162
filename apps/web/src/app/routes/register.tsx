import { getRouteApi } from '@tanstack/react-router';
import { RegistrationPage } from '@/features/registration/components/registration-page';

const route = getRouteApi('/events/$eventId/register');

export function RegisterRoute() {
  const { eventId } = route.useParams();
  const { invitationToken } = route.useSearch();
  return <RegistrationPage eventId={eventId} invitation={invitationToken} />;
}
