import { Locale } from '@roundtable/common';

/**
 * The contract between feature modules and the notification pipeline.
 * Features describe a mail as data (type, recipient, payload, optional
 * calendar entry) and hand it to `OutboxService.enqueue(em, message)` inside
 * their own transaction; the pipeline knows nothing of meetings, events or
 * agreements beyond what the message says.
 */
export interface OutboxRecipient {
  /** The recipient's account, when they have one (used to re-check eligibility and for the organiser view). */
  userId?: string;
  email: string;
  name: string;
  /** Recipient's language; falls back to the event's default language, then English. */
  locale?: Locale;
  /** Recipient's IANA zone; times are shown in it too when it differs from the event's. */
  timeZone?: string;
}

/** A person's (or company's) name in other scripts, e.g. a registration's badge names. */
export interface ScriptNames {
  latin?: string | null;
  zh?: string | null;
  ru?: string | null;
}

/** A calendar entry attached to the mail as an .ics file. */
export interface CalendarEntry {
  /** Stable per meeting or session, e.g. `meeting-<id>@roundtable`: calendars update, never duplicate. */
  uid: string;
  /** Bumped by the feature on every change of time or place. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  start: Date;
  end: Date;
  /** IANA zone the entry is shown in (the event's). */
  timeZone: string;
  summary: string;
  description?: string;
  location?: string;
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
  url?: string;
}

export interface OutboxMessage<TPayload extends object = Record<string, unknown>> {
  /** Template name, e.g. 'meeting-accepted'; must be registered with MailTemplateRegistry. */
  type: string;
  /** Unique forever: the same fact never produces two rows (`meeting-accepted:<meetingId>:<recipientId>`). */
  dedupeKey: string;
  recipient: OutboxRecipient;
  /** The event the mail belongs to (organiser view of delivery status). */
  eventId?: string;
  /** The event's IANA zone: times are shown in it, and in the recipient's zone when different. */
  eventTimeZone?: string;
  /** The event's default language: the fallback when the recipient's locale is unknown. */
  eventLocale?: Locale;
  /**
   * The event's name per language (its translations). The payload's `eventName`
   * is replaced by the one in the language the mail is written in, when there is one.
   */
  eventNames?: Partial<Record<Locale, string>>;
  /**
   * What the mail is about, e.g. `meeting:<id>` or `session:<id>`. Cancelling or
   * moving the subject cancels or moves its pending mails in the same transaction.
   */
  subject?: string;
  /** Template variables: strings, numbers, booleans, ISO 8601 instants, arrays and objects of those. */
  payload: TPayload;
  /** Send at this instant (reminders); now when omitted. Never sent early. */
  dueAt?: Date;
  calendar?: CalendarEntry;
}

/** What a template gets besides the payload. */
export interface RenderContext {
  locale: Locale;
  recipient: OutboxRecipient;
  /** The event's IANA zone, when the message names an event. */
  eventTimeZone?: string;
  /** Public base URL for links (PUBLIC_URL). */
  baseUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template's still-wanted check sees of the row about to be sent. */
export interface PendingMail {
  type: string;
  subject: string | null;
  recipientUserId: string | null;
  recipientEmail: string;
  payload: Record<string, unknown>;
}

/**
 * One mail type's wording in every locale. `render` must escape every
 * user-supplied value in the HTML part (use the helpers in mail-format.ts).
 */
export interface MailTemplate<TPayload extends object = Record<string, unknown>> {
  type: string;
  /** A realistic payload used by the test that renders every template in every locale. */
  example: TPayload;
  render(payload: TPayload, context: RenderContext): RenderedMail;
  /**
   * Re-checked right before sending, with the row locked: is the business state
   * still such that this mail should go (meeting still scheduled, registration
   * not withdrawn…)? Absent means always.
   */
  isStillWanted?(mail: PendingMail, em: import('typeorm').EntityManager): Promise<boolean>;
}
