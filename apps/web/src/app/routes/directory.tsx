import { getRouteApi } from '@tanstack/react-router';
import { DirectoryPage } from '@/features/directory/components/directory-page';

const route = getRouteApi('/events/$eventId/directory');

export function DirectoryRoute() {
  const { eventId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DirectoryPage
      eventId={eventId}
      filters={search}
      // A filter change replaces the history entry; turning a page adds one, so "back" returns to the previous page.
      onFiltersChange={(filters, options) => void navigate({ search: filters, replace: !options?.page })}
    />
  );
}
