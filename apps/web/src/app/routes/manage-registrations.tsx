import { getRouteApi } from '@tanstack/react-router';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';
import { RegistrationsPage } from '@/features/registrations-admin/components/registrations-page';

const route = getRouteApi('/events/$eventId/manage/registrations');

export function ManageRegistrationsRoute() {
  const { eventId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <OrganiserNav eventId={eventId}>
      <RegistrationsPage
        eventId={eventId}
        search={search}
        onSearch={(next) => void navigate({ search: next, replace: true })}
      />
    </OrganiserNav>
  );
}
