import { getRouteApi } from '@tanstack/react-router';
import { InvitationsPage } from '@/features/invitations/components/invitations-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const route = getRouteApi('/events/$eventId/manage/invitations');

export function ManageInvitationsRoute() {
  const { eventId } = route.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <InvitationsPage eventId={eventId} />
    </OrganiserNav>
  );
}
