import { Injectable } from '@nestjs/common';
import { chunks, newId } from '@roundtable/common';
import { EntityManager } from 'typeorm';
import { MailTemplateRegistry } from './mail-template.registry';
import { OutboxMessage } from './notification.types';

const COLUMNS = [
  'id',
  'type',
  'dedupe_key',
  'event_id',
  'subject',
  'recipient_user_id',
  'recipient_email',
  'recipient_name',
  'recipient_locale',
  'recipient_time_zone',
  'event_time_zone',
  'event_locale',
  'payload',
  'calendar',
  'status',
  'attempts',
  'due_at',
] as const;

/** Rows per INSERT, so a statement stays well under max_allowed_packet however many mails one change writes. */
const ROWS_PER_INSERT = 500;

/** Recipient names go into a mail header: no line breaks of any kind survive. */
const oneLine = (value: string): string => value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

/** The payload with `eventName` in the language the mail will be written in (the sender picks it the same way). */
function inReaderLanguage(message: OutboxMessage<object>): object {
  const locale = MailTemplateRegistry.pickLocale(message.recipient.locale, message.eventLocale);
  const name = message.eventNames?.[locale];
  return name && 'eventName' in message.payload ? { ...message.payload, eventName: name } : message.payload;
}

/**
 * Where features hand over mail. Always called with the caller's own
 * transaction, so the mail exists exactly when the change it reports does.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly templates: MailTemplateRegistry) {}

  /**
   * Writes the messages (any number, in multi-row INSERTs); a dedupe key seen
   * before is a silent no-op (the same fact never mails twice).
   */
  async enqueue(em: EntityManager, ...messages: OutboxMessage<object>[]): Promise<void> {
    if (messages.length === 0) return;
    const now = new Date();
    const rows = messages.map((message) => {
      this.templates.get(message.type);
      return [
        newId(),
        message.type,
        message.dedupeKey,
        message.eventId ?? null,
        message.subject ?? null,
        message.recipient.userId ?? null,
        message.recipient.email.trim().toLowerCase(),
        oneLine(message.recipient.name).slice(0, 200),
        message.recipient.locale ?? null,
        message.recipient.timeZone ?? null,
        message.eventTimeZone ?? null,
        message.eventLocale ?? null,
        JSON.stringify(inReaderLanguage(message)),
        message.calendar ? JSON.stringify(message.calendar) : null,
        'pending',
        0,
        message.dueAt ?? now,
      ];
    });
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    for (const batch of chunks(rows, ROWS_PER_INSERT)) {
      await em.query(
        `INSERT INTO outbox (${COLUMNS.join(', ')}) VALUES ${batch.map(() => row).join(', ')} ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key`,
        batch.flat(),
      );
    }
  }

  /**
   * Cancels the not-yet-sent mails about a subject (e.g. the reminders of a
   * cancelled meeting). A mail being sent right now holds its row lock, so
   * this waits for it: once this commits, no mail about the subject leaves.
   */
  async cancelSubject(em: EntityManager, subject: string, types?: string[]): Promise<number> {
    const typeFilter = types && types.length > 0 ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
    // Find by the subject index without locking it, then lock by primary key only: a
    // locking scan of the secondary index would deadlock with the sender updating the row.
    const rows = await em.query<{ id: string }[]>(
      `SELECT id FROM outbox WHERE subject = ? AND status IN ('pending', 'queued')${typeFilter}`,
      [subject, ...(types ?? [])],
    );
    if (rows.length === 0) return 0;
    const result: unknown = await em.query(
      `UPDATE outbox SET status = 'cancelled', leased_until = NULL
        WHERE id IN (${rows.map(() => '?').join(', ')}) AND status IN ('pending', 'queued')`,
      rows.map((r) => r.id),
    );
    return (result as { affectedRows?: number }).affectedRows ?? 0;
  }

  /**
   * Replaces the pending mails of the given types about a subject with new
   * ones (e.g. reminders of a moved meeting): old ones cancelled, new ones
   * written, in the caller's transaction. New messages need new dedupe keys
   * (include the subject's sequence number).
   */
  async replaceSubject(em: EntityManager, subject: string, types: string[], messages: OutboxMessage<object>[]) {
    await this.cancelSubject(em, subject, types);
    await this.enqueue(em, ...messages);
  }
}
