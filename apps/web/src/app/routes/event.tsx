import { getRouteApi } from '@tanstack/react-router';
import { EventPage } from '@/features/agenda/components/event-page';
import { OrganiserAreaLink } from '@/features/organisers/components/organiser-area-link';
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
      focus={search.visit}
      onFiltersChange={(filters) => void navigate({ search: filters, replace: true })}
      actions={<OrganiserAreaLink eventId={eventId} />}
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
