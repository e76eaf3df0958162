import { Event, eventNames } from '@roundtable/events';
import { calendarUid, OutboxMessage } from '@roundtable/notifications';
import { Locale } from '@roundtable/common';
import { Meeting } from './entities';
import { Delegate } from './event-meeting-state';
import { MeetingMailPayload } from './templates/meeting-templates';

export const REMINDER = 'meeting-reminder';
export const meetingSubject = (meetingId: string): string => `meeting:${meetingId}`;

/** Mail types that carry the meeting's calendar entry, and how. */
const CALENDAR_METHOD: Record<string, 'REQUEST' | 'CANCEL' | undefined> = {
  'meeting-accepted': 'REQUEST',
  'meeting-scheduled': 'REQUEST',
  'meeting-moved': 'REQUEST',
  'meeting-cancelled': 'CANCEL',
};

export interface MeetingMailInput {
  event: Event;
  type: string;
  /** Makes the dedupe key: the request or meeting id, with the meeting's sequence when it has one. */
  factId: string;
  to: Delegate;
  other: Delegate;
  meeting?: Meeting | null;
  interpreterName?: string | null;
  message?: string | null;
  reason?: string | null;
  baseUrl: string;
}

/**
 * Mails about a meeting that has (or had) a time open My schedule, where the change shows; the others,
 * about requests, open the requests inbox.
 */
const OPENS_SCHEDULE = new Set([
  'meeting-accepted',
  'meeting-scheduled',
  'meeting-moved',
  'meeting-reminder',
  'meeting-cancelled',
]);

/** The web app's screen a meeting mail's button opens (via login and back when signed out). */
export function meetingMailUrl(baseUrl: string, eventId: string, type: string): string {
  return `${baseUrl}/app/events/${eventId}/${OPENS_SCHEDULE.has(type) ? 'schedule' : 'requests'}`;
}

/** A delegate as the addressee of a mail. */
export function recipientOf(d: Delegate): OutboxMessage['recipient'] {
  return { userId: d.userId, email: d.email, name: d.name, locale: d.locale as Locale, timeZone: d.timeZone };
}

/** One mail about a request or a meeting, to one delegate, with an ICS when the meeting has a time. */
export function meetingMail(m: MeetingMailInput): OutboxMessage<MeetingMailPayload> {
  const meeting = m.meeting ?? null;
  const method = meeting ? CALENDAR_METHOD[m.type] : undefined;
  return {
    type: m.type,
    dedupeKey: `${m.type}:${m.factId}${meeting ? `:${meeting.sequence}` : ''}:${m.to.registrationId}`,
    recipient: recipientOf(m.to),
    eventId: m.event.id,
    eventTimeZone: m.event.timeZone,
    eventLocale: m.event.defaultLocale,
    eventNames: eventNames(m.event),
    subject: meeting ? meetingSubject(meeting.id) : undefined,
    payload: {
      eventName: m.event.name,
      otherName: m.other.name,
      otherNames: m.other.badgeNames,
      otherCompany: m.other.companyName,
      otherCompanyNames: m.other.companyNames,
      message: m.message ?? null,
      startsAt: meeting?.startsAt.toISOString() ?? null,
      tableNo: meeting?.tableNo ?? null,
      interpreter: m.interpreterName ?? null,
      reason: m.reason ?? null,
      url: meetingMailUrl(m.baseUrl, m.event.id, m.type),
    },
    calendar:
      meeting && method
        ? {
            uid: calendarUid('meeting', meeting.id),
            sequence: meeting.sequence,
            method,
            start: meeting.startsAt,
            end: meeting.endsAt,
            timeZone: m.event.timeZone,
            summary: `${eventNames(m.event)[m.to.locale as Locale] ?? m.event.name}: ${m.to.name} / ${m.other.name}`,
            location: `Table ${meeting.tableNo}${m.event.venue ? `, ${m.event.venue}` : ''}`,
            attendees: [
              { name: m.to.name, email: m.to.email },
              { name: m.other.name, email: m.other.email },
            ],
          }
        : undefined,
  };
}

/** Reminders for both delegates at each lead time that is still in the future. */
export function meetingReminders(
  event: Event,
  meeting: Meeting,
  a: Delegate,
  b: Delegate,
  baseUrl: string,
  now = new Date(),
): OutboxMessage<MeetingMailPayload>[] {
  const out: OutboxMessage<MeetingMailPayload>[] = [];
  for (const lead of event.meetingSettings.reminderLeadMinutes) {
    const dueAt = new Date(meeting.startsAt.getTime() - lead * 60_000);
    if (dueAt <= now) continue;
    for (const [to, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const mail = meetingMail({ event, type: REMINDER, factId: meeting.id, to, other, meeting, baseUrl });
      out.push({ ...mail, dedupeKey: `${mail.dedupeKey}:${lead}`, dueAt });
    }
  }
  return out;
}
