import { EventList } from '@/features/agenda/components/event-list';

export function EventsRoute() {
  return <EventList />;
}
