import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useLocation, useNavigate } from '@tanstack/react-router';
import { OrganiserInvitationPage } from '@/features/organisers/components/organiser-invitation-page';
import { setSession } from '@/lib/session';

const route = getRouteApi('/events/$eventId/organisers/accept');

export function OrganiserInvitationRoute() {
  const { eventId } = route.useParams();
  const { token } = route.useSearch();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const switchAccount = () => {
    setSession(null);
    queryClient.clear();
    void navigate({ to: '/login', search: { redirect: location.href } });
  };
  return <OrganiserInvitationPage eventId={eventId} token={token} onSwitchAccount={switchAccount} />;
}
