import { useQuery } from '@tanstack/react-query';
/** The event and its agenda: read by several features (the event page, registration, directory, schedule). */
import { client, unwrap } from './client';
import type { Language } from './i18n';

export interface EventTexts {
  name: string;
  theme: string | null;
  description: string | null;
}

export interface EventDetail extends EventTexts {
  id: string;
  slug: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  status: string;
  languages: string[];
  sectors: string[];
  translations?: Partial<Record<string, Partial<EventTexts>>>;
  registration: { opensAt: string | null; closesAt: string | null; capacity: number | null; requiresApproval: boolean };
  meetingSettings: { slotMinutes: number; maxMeetingsPerDelegate: number; maxPendingRequests: number };
}

export interface AgendaSpeaker {
  name: string;
  role: string;
  company: string | null;
  bio: string | null;
}

export interface AgendaSession {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  room: string | null;
  languages: string[];
  interpretation: string[];
  abstract: string | null;
  materials: string[];
  speakers: AgendaSpeaker[];
}

export interface Agenda {
  event: {
    id: string;
    name: string;
    theme: string | null;
    timeZone: string;
    venue: string | null;
    city: string | null;
  };
  locale: string;
  days: { date: string; sessions: AgendaSession[] }[];
}

export function useEvent(eventId: string) {
  return useQuery({
    queryKey: ['event', eventId],
    queryFn: ({ signal }) =>
      unwrap<EventDetail>(client.GET('/events/{eventId}', { params: { path: { eventId } }, signal })),
  });
}

export function useAgenda(eventId: string, locale: Language) {
  return useQuery({
    queryKey: ['agenda', eventId, locale],
    queryFn: ({ signal }) =>
      unwrap<Agenda>(
        client.GET('/events/{eventId}/agenda', { params: { path: { eventId }, query: { locale } }, signal }),
      ),
  });
}

export function calendarFileUrl(eventId: string, locale: string): string {
  return `/events/${encodeURIComponent(eventId)}/agenda?format=ics&locale=${locale}`;
}

export interface EventSummary extends EventTexts {
  id: string;
  slug: string;
  city: string | null;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  translations?: Partial<Record<string, Partial<EventTexts>>>;
}

export function useEvents() {
  return useQuery({
    queryKey: ['events'],
    queryFn: ({ signal }) =>
      unwrap<{ items: EventSummary[] }>(client.GET('/events', { params: { query: { status: 'published' } }, signal })),
  });
}

/** The event's texts in the reader's language when the organisers wrote them, else the original. */
export function localized(
  event: EventTexts & { translations?: EventDetail['translations'] },
  language: string,
): EventTexts {
  const tr = event.translations?.[language] ?? {};
  return {
    name: tr.name || event.name,
    theme: tr.theme || event.theme,
    description: tr.description || event.description,
  };
}
