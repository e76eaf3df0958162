import * as ical from 'node-ical';

/** The VEVENTs of an iCalendar text, as a calendar program's parser (node-ical) reads them. */
export const calendarEvents = (text: string): ical.VEvent[] =>
  Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');

/** Content lines of an iCalendar text, unfolded (RFC 5545 §3.1), for the properties a parser may hide. */
export const icsLines = (text: string): string[] => text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
