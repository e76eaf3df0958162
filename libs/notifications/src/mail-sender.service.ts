import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { SendMailOptions } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { buildIcs } from './ics';
import { CalendarEntry } from './notification.types';
import { MailTemplateRegistry } from './mail-template.registry';
import { classifySmtpError, describeSmtpError, MailTransport, SendResult } from './mail-transport';
import { MailAlertService } from './mail-alert.service';

export const MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 3_600_000;
const AUTH_RETRY_MS = 60_000;

type OutboxUpdate = Partial<
  Pick<
    OutboxMessageEntity,
    'status' | 'attempts' | 'dueAt' | 'leasedUntil' | 'lastError' | 'sentAt' | 'messageId' | 'smtpResponse'
  >
>;

export type SendOutcome = 'sent' | 'skipped' | 'retry' | 'failed' | 'auth-failure';

/** 30 s, 1 min, 2 min … capped at an hour, with ±20 % jitter so retries do not arrive in waves. */
export function backoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_MAX_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Sends one outbox row, effectively once. The row stays locked (FOR UPDATE)
 * from the status check through the SMTP conversation to the commit of the
 * result: a cancel that commits afterwards finds it sent; a cancel that
 * committed before is seen here and nothing is sent. A crash after the
 * server's 250 and before the commit resends with the same Message-ID.
 */
@Injectable()
export class MailSenderService {
  private readonly logger = new Logger('MailSender');
  private readonly baseUrl: string;
  private readonly organizer: { name: string; email: string };
  private readonly inFlight: Semaphore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: MailTemplateRegistry,
    private readonly transport: MailTransport,
    private readonly alerts: MailAlertService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
    this.organizer = senderOf(this.transport.from);
    this.inFlight = new Semaphore(config.get('mail.poolSize', { infer: true }));
  }

  /**
   * Sends a batch of rows (one relay claim). Each row is its own transaction:
   * locked, re-checked, sent and recorded, then committed right after its SMTP
   * answer, so a worker killed mid-batch re-sends at most the mails that were
   * in flight, never the ones already delivered. At most MAIL_POOL_SIZE rows
   * of this process are in flight at once (one database connection each).
   * Returns the outcome of each row found, in id order.
   */
  async sendBatch(outboxIds: string[]): Promise<SendOutcome[]> {
    const ids = [...new Set(outboxIds)].sort();
    const outcomes = await Promise.all(ids.map((id) => this.inFlight.run(() => this.sendOne(id))));
    return outcomes.filter((o): o is SendOutcome => o !== null);
  }

  /** One row, one transaction; null when the row does not exist. */
  private sendOne(id: string): Promise<SendOutcome | null> {
    // READ COMMITTED (every session's default, SESSION_SETTINGS): lock the row by primary key, no gap locks against the relay's range scans
    return this.dataSource.transaction(async (em) => {
      const [raw] = await em.query<Record<string, unknown>[]>('SELECT * FROM outbox WHERE id = ? FOR UPDATE', [id]);
      return raw ? this.sendLocked(em, toRow(raw)) : null;
    });
  }

  private async sendLocked(em: EntityManager, row: OutboxRow): Promise<SendOutcome> {
    if (row.status !== 'queued' && row.status !== 'pending') return 'skipped';
    if (row.dueAt.getTime() > Date.now()) {
      // never early: hand it back to the relay, which picks it up when due
      await this.update(em, row.id, { status: 'pending', leasedUntil: null });
      return 'skipped';
    }
    const template = this.templates.get(row.type);
    if (template.isStillWanted && !(await template.isStillWanted(row, em))) {
      await this.update(em, row.id, { status: 'cancelled', leasedUntil: null, lastError: 'no longer wanted' });
      return 'skipped';
    }
    const attempt = row.attempts + 1;
    let result: SendResult;
    try {
      result = await this.transport.send(this.compose(row), row.id);
    } catch (error) {
      return this.recordFailure(em, row, attempt, error);
    }
    await this.alerts.clearIfRaised();
    await this.update(em, row.id, {
      status: 'sent',
      attempts: attempt,
      sentAt: new Date(),
      messageId: result.messageId,
      smtpResponse: result.response.slice(0, 500),
      leasedUntil: null,
      lastError: null,
    });
    return 'sent';
  }

  private async recordFailure(
    em: EntityManager,
    row: OutboxRow,
    attempt: number,
    error: unknown,
  ): Promise<SendOutcome> {
    const kind = classifySmtpError(error);
    const reason = describeSmtpError(error);
    if (kind === 'auth') {
      // our credentials, not the recipient: the attempt does not count against them
      await this.update(em, row.id, {
        status: 'pending',
        dueAt: new Date(Date.now() + AUTH_RETRY_MS),
        leasedUntil: null,
        lastError: reason,
      });
      await this.alerts.raise(reason);
      return 'auth-failure';
    }
    if (kind === 'permanent' || attempt >= MAX_ATTEMPTS) {
      this.logger.warn(`Mail ${row.id} to ${row.recipientEmail} failed for good: ${reason}`);
      await this.update(em, row.id, { status: 'failed', attempts: attempt, leasedUntil: null, lastError: reason });
      return 'failed';
    }
    await this.update(em, row.id, {
      status: 'pending',
      attempts: attempt,
      dueAt: new Date(Date.now() + backoffMs(attempt)),
      leasedUntil: null,
      lastError: reason,
    });
    return 'retry';
  }

  private compose(row: OutboxRow): SendMailOptions {
    const locale = MailTemplateRegistry.pickLocale(row.recipientLocale, row.eventLocale);
    const recipient = {
      userId: row.recipientUserId ?? undefined,
      email: row.recipientEmail,
      name: row.recipientName,
      locale,
      timeZone: row.recipientTimeZone ?? undefined,
    };
    const rendered = this.templates.render(row.type, row.payload, {
      locale,
      recipient,
      eventTimeZone: row.eventTimeZone ?? undefined,
      baseUrl: this.baseUrl,
    });
    const mail: SendMailOptions = {
      from: this.transport.from,
      to: { name: row.recipientName, address: row.recipientEmail },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<${row.id}@roundtable>`,
      headers: { 'X-Roundtable-Type': row.type },
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    if (row.calendar) {
      // RFC 5546: a REQUEST or CANCEL names its ORGANIZER (the sender, unless the feature named one) and
      // the ATTENDEE it is addressed to (the recipient, when the feature listed nobody)
      const entry: CalendarEntry = {
        ...row.calendar,
        organizer: row.calendar.organizer ?? this.organizer,
        attendees: row.calendar.attendees?.length
          ? row.calendar.attendees
          : [{ name: row.recipientName, email: row.recipientEmail }],
      };
      mail.icalEvent = {
        method: entry.method,
        filename: 'invite.ics',
        content: buildIcs([entry], { method: entry.method, name: entry.summary, timeZone: entry.timeZone }),
      };
    }
    return mail;
  }

  /** One UPDATE by primary key, in raw SQL: this runs once per mail, so no query building. */
  private async update(em: EntityManager, id: string, changes: OutboxUpdate): Promise<void> {
    const entries = Object.entries(changes) as [keyof OutboxUpdate, unknown][];
    await em.query(`UPDATE outbox SET ${entries.map(([key]) => `${COLUMN[key]} = ?`).join(', ')} WHERE id = ?`, [
      ...entries.map(([, value]) => value),
      id,
    ]);
  }
}

const COLUMN: Record<keyof OutboxUpdate, string> = {
  status: 'status',
  attempts: 'attempts',
  dueAt: 'due_at',
  leasedUntil: 'leased_until',
  lastError: 'last_error',
  sentAt: 'sent_at',
  messageId: 'message_id',
  smtpResponse: 'smtp_response',
};

/** What sending reads of a row. */
type OutboxRow = Pick<
  OutboxMessageEntity,
  | 'id'
  | 'type'
  | 'subject'
  | 'status'
  | 'attempts'
  | 'dueAt'
  | 'recipientUserId'
  | 'recipientEmail'
  | 'recipientName'
  | 'recipientLocale'
  | 'recipientTimeZone'
  | 'eventTimeZone'
  | 'eventLocale'
  | 'payload'
  | 'calendar'
>;

/** At most `size` tasks at once; the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** `Roundtable <no-reply@roundtable.local>` or a bare address, as the calendar's ORGANIZER. */
export function senderOf(from: string): { name: string; email: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return named ? { name: named[1] || named[2], email: named[2] } : { name: from.trim(), email: from.trim() };
}

/** mysql2 returns VARCHAR/CHAR/TEXT columns as strings; anything else here would be a schema change. */
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const json = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : null);

function toRow(r: Record<string, unknown>): OutboxRow {
  return {
    id: String(r.id),
    type: String(r.type),
    subject: text(r.subject),
    status: String(r.status) as OutboxRow['status'],
    attempts: Number(r.attempts),
    dueAt: r.due_at instanceof Date ? r.due_at : new Date(String(r.due_at)),
    recipientUserId: text(r.recipient_user_id),
    recipientEmail: String(r.recipient_email),
    recipientName: String(r.recipient_name),
    recipientLocale: text(r.recipient_locale),
    recipientTimeZone: text(r.recipient_time_zone),
    eventTimeZone: text(r.event_time_zone),
    eventLocale: text(r.event_locale),
    payload: json<Record<string, unknown>>(r.payload) ?? {},
    calendar: json<NonNullable<OutboxRow['calendar']>>(r.calendar),
  };
}
