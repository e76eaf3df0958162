import { getRouteApi } from '@tanstack/react-router';
import { EventPage } from '@/features/agenda/components/event-page';
import { SiteVisitPanel } from '@/features/site-visits/components/site-visit-panel';

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
      sessionExtra={(session, zones) =>
        session.siteVisit && (
          <SiteVisitPanel
            eventId={eventId}
            sessionId={session.id}
            title={session.title}
            details={session.siteVisit}
            {...zones}
          />
        )
      }
    />
  );
}
