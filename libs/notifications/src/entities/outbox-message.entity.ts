import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CalendarEntry } from '../notification.types';

export type OutboxStatus = 'pending' | 'queued' | 'sent' | 'failed' | 'cancelled';

/** One mail to one recipient. The row is the truth; a Bull job only says "look at this row now". */
@Entity('outbox')
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 191 })
  dedupeKey: string;

  @Column({ name: 'event_id', type: 'char', length: 36, nullable: true })
  eventId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  subject: string | null;

  @Column({ name: 'recipient_user_id', type: 'char', length: 36, nullable: true })
  recipientUserId: string | null;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail: string;

  @Column({ name: 'recipient_name', type: 'varchar', length: 200 })
  recipientName: string;

  @Column({ name: 'recipient_locale', type: 'varchar', length: 5, nullable: true })
  recipientLocale: string | null;

  @Column({ name: 'recipient_time_zone', type: 'varchar', length: 64, nullable: true })
  recipientTimeZone: string | null;

  @Column({ name: 'event_time_zone', type: 'varchar', length: 64, nullable: true })
  eventTimeZone: string | null;

  @Column({ name: 'event_locale', type: 'varchar', length: 5, nullable: true })
  eventLocale: string | null;

  @Column({ type: 'longtext', transformer: jsonText })
  payload: Record<string, unknown>;

  @Column({ type: 'longtext', nullable: true, transformer: jsonText })
  calendar: CalendarEntry | null;

  @Column({ type: 'varchar', length: 16 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'due_at', type: 'datetime', precision: 3 })
  dueAt: Date;

  @Column({ name: 'leased_until', type: 'datetime', precision: 3, nullable: true })
  leasedUntil: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true })
  messageId: string | null;

  @Column({ name: 'smtp_response', type: 'varchar', length: 500, nullable: true })
  smtpResponse: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
