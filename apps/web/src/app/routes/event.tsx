import { getRouteApi } from '@tanstack/react-router';
import { EventPage } from '@/features/agenda/components/event-page';

const route = getRouteApi('/events/$eventId');

export function EventRoute() {
  const { eventId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <EventPage
      eventId={eventId}
      filters={search}
      onFiltersChange={(filters) => void navigate({ search: filters, replace: true })}
    />
  );
}
