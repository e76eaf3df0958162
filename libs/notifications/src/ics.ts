import ICAL from 'ical.js';
import { CalendarEntry } from './notification.types';

/**
 * The UID of a meeting's or session's calendar entry. Every mail, agenda and
 * feed uses this one form, so a calendar updates the entry it has instead of
 * adding a second one.
 */
export const calendarUid = (kind: 'meeting' | 'session', id: string): string => `${kind}-${id}@roundtable`;

// ical.js folds each piece of a line at foldLength octets and puts a space before each continuation: at 74 every
// line, continuations included, stays within RFC 5545's 75 octets (the default, 75, gives continuations of 76)
ICAL.foldLength = 74;

const utc = (date: Date): ICAL.Time => ICAL.Time.fromJSDate(date, true);

/**
 * A text property ical.js has no definition for (RFC 7986's NAME, the de-facto X-WR-CALNAME): typed as text, so
 * its commas, semicolons and line breaks are escaped as SUMMARY's are (written with VALUE=TEXT).
 */
function textProperty(name: string, value: string): ICAL.Property {
  const property = new ICAL.Property(name);
  property.resetType('text');
  property.setValue(value);
  return property;
}

/** `ORGANIZER` or `ATTENDEE`: a mailto address with the person's name (CN) and, for attendees, their part. */
function person(
  name: 'organizer' | 'attendee',
  who: { name: string; email: string },
  parameters: Record<string, string> = {},
): ICAL.Property {
  const property = new ICAL.Property(name);
  for (const [key, value] of Object.entries(parameters)) property.setParameter(key, value);
  property.setParameter('cn', who.name);
  property.setValue(`mailto:${who.email}`);
  return property;
}

/**
 * An iCalendar document for meetings and sessions. Instants are written in
 * UTC, which every client places correctly whatever its own zone; the event's
 * zone is named (X-WR-TIMEZONE) for display. UIDs are stable per meeting or
 * session and SEQUENCE grows with every change, so calendars update the entry
 * instead of adding a second one.
 *
 * Built with ical.js (Mozilla's, as Thunderbird uses), which escapes text,
 * quotes parameters and folds lines at 75 octets without splitting a UTF-8
 * character; every meeting mail carries one of these documents.
 */
export function buildIcs(
  entries: CalendarEntry[],
  options: { method: CalendarEntry['method']; name: string; timeZone?: string },
): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Roundtable//Roundtable//EN');
  calendar.addPropertyWithValue('method', options.method);
  // NAME is RFC 7986's; X-WR-CALNAME is what Outlook and Apple Calendar read
  calendar.addProperty(textProperty('name', options.name));
  calendar.addProperty(textProperty('x-wr-calname', options.name));
  if (options.timeZone) calendar.addPropertyWithValue('x-wr-timezone', options.timeZone);
  const stamp = utc(new Date());
  for (const entry of entries) {
    const event = new ICAL.Component('vevent');
    event.addPropertyWithValue('uid', entry.uid);
    event.addPropertyWithValue('sequence', entry.sequence);
    event.addPropertyWithValue('dtstamp', stamp);
    event.addPropertyWithValue('dtstart', utc(new Date(entry.start)));
    event.addPropertyWithValue('dtend', utc(new Date(entry.end)));
    event.addPropertyWithValue('summary', entry.summary);
    if (entry.description) event.addPropertyWithValue('description', entry.description);
    if (entry.location) event.addPropertyWithValue('location', entry.location);
    if (entry.url) event.addPropertyWithValue('url', entry.url);
    if (entry.organizer) event.addProperty(person('organizer', entry.organizer));
    // RSVP=FALSE: replies would go to the organiser's no-reply address; answers happen in Roundtable
    for (const attendee of entry.attendees ?? [])
      event.addProperty(person('attendee', attendee, { role: 'REQ-PARTICIPANT', rsvp: 'FALSE' }));
    event.addPropertyWithValue('status', entry.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
