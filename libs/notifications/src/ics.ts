import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { CalendarEntry } from './notification.types';

const METHODS: Record<CalendarEntry['method'], ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
};

/**
 * An iCalendar document for meetings and sessions. Instants are written in
 * UTC, which every client places correctly whatever its own zone; the event's
 * zone is named (X-WR-TIMEZONE) for display. UIDs are stable per meeting or
 * session and SEQUENCE grows with every change, so calendars update the entry
 * instead of adding a second one.
 */
/**
 * The UID of a meeting's or session's calendar entry. Every mail, agenda and
 * feed uses this one form, so a calendar updates the entry it has instead of
 * adding a second one.
 */
export const calendarUid = (kind: 'meeting' | 'session', id: string): string => `${kind}-${id}@roundtable`;

export function buildIcs(
  entries: CalendarEntry[],
  options: { method: CalendarEntry['method']; name: string; timeZone?: string },
): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Roundtable', product: 'Roundtable' } });
  calendar.method(METHODS[options.method]);
  if (options.timeZone) calendar.x([{ key: 'X-WR-TIMEZONE', value: options.timeZone }]);
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      start: new Date(entry.start),
      end: new Date(entry.end),
      summary: entry.summary,
      description: entry.description,
      location: entry.location,
      url: entry.url,
      organizer: entry.organizer,
      // RSVP=FALSE: replies would go to the organiser's no-reply address; answers happen in Roundtable
      attendees: entry.attendees?.map((a) => ({ ...a, role: ICalAttendeeRole.REQ, rsvp: false })),
      status: entry.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: new Date(),
    });
  }
  return calendar.toString();
}
