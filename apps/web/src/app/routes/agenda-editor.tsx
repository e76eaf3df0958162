import { getRouteApi } from '@tanstack/react-router';
import { AgendaEditorPage } from '@/features/agenda-editor/components/agenda-editor-page';
import { OrganiserNav } from '@/features/organisers/components/organiser-nav';

const agendaEditorRoute = getRouteApi('/events/$eventId/manage/agenda');

export function AgendaEditorRoute() {
  const { eventId } = agendaEditorRoute.useParams();
  return (
    <OrganiserNav eventId={eventId}>
      <AgendaEditorPage eventId={eventId} />
    </OrganiserNav>
  );
}
