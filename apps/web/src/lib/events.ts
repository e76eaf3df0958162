/** The event and its agenda: read by several features (the event page, registration, directory, schedule). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schema } from '@roundtable/api-client';
import { client, unwrap } from './client';
import type { Language } from './i18n';

export interface EventTexts {
  name: string;
  theme: string | null;
  description: string | null;
}

export type EventDetail = Schema<'EventDto'>;
export type AgendaSpeaker = Schema<'SpeakerDto'>;
export type AgendaSession = Schema<'AgendaSessionDto'>;
export type Agenda = Schema<'AgendaDto'>;

/** Also started by the route loader, before the screen's code has arrived. */
export function eventQuery(eventId: string) {
  return queryOptions({
    queryKey: ['event', eventId],
    queryFn: ({ signal }) => unwrap(client.GET('/events/{eventId}', { params: { path: { eventId } }, signal })),
  });
}

export function useEvent(eventId: string) {
  return useQuery(eventQuery(eventId));
}

export function agendaQuery(eventId: string, locale: Language) {
  return queryOptions({
    queryKey: ['agenda', eventId, locale],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/agenda', { params: { path: { eventId }, query: { locale } }, signal })).then(
        (agenda) => {
          // the document also offers text/calendar (?format=ics); this asks for JSON
          if (typeof agenda === 'string') throw new Error('The agenda came as a calendar file, not JSON');
          return agenda;
        },
      ),
  });
}

export function useAgenda(eventId: string, locale: Language) {
  return useQuery(agendaQuery(eventId, locale));
}

export function calendarFileUrl(eventId: string, locale: string): string {
  return `/events/${encodeURIComponent(eventId)}/agenda?format=ics&locale=${locale}`;
}

export type EventSummary = Schema<'EventDto'>;

export function eventsQuery() {
  return queryOptions({
    queryKey: ['events'],
    queryFn: ({ signal }) => unwrap(client.GET('/events', { params: { query: { status: 'published' } }, signal })),
  });
}

export function useEvents() {
  return useQuery(eventsQuery());
}

/** The event's texts in the reader's language when the organisers wrote them, else the original. */
export function localized(
  event: EventTexts & { translations?: EventDetail['translations'] },
  language: string,
): EventTexts {
  const tr: Partial<EventTexts> = event.translations?.[language as keyof EventDetail['translations']] ?? {};
  return {
    name: tr.name || event.name,
    theme: tr.theme || event.theme,
    description: tr.description || event.description,
  };
}
