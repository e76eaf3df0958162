import { getRouteApi } from '@tanstack/react-router';
import { MailPage } from '@/features/mail/components/mail-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const mailRoute = getRouteApi('/events/$eventId/manage/mail');

export function MailRoute() {
  const { eventId } = mailRoute.useParams();
  const search = mailRoute.useSearch();
  const navigate = mailRoute.useNavigate();
  return (
    <OrganiserNav eventId={eventId}>
      <MailPage
        eventId={eventId}
        filters={search}
        onFiltersChange={(filters) => void navigate({ search: filters, replace: true })}
      />
    </OrganiserNav>
  );
}
