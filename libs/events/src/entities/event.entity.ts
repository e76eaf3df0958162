import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type EventStatus = 'draft' | 'published' | 'closed' | 'cancelled';
export type EventLocale = 'zh' | 'ru' | 'en';
export type ScheduleStatus = 'draft' | 'preliminary' | 'final';

/** Per-locale wording of the event's name, theme and description. */
export type EventTranslations = Partial<Record<EventLocale, { name?: string; theme?: string; description?: string }>>;

/** A daily meeting window in event-local wall-clock time, e.g. { date: '2026-06-11', start: '14:00', end: '18:00' }. */
export interface MeetingWindow {
  date: string;
  start: string;
  end: string;
}

export interface MeetingSettings {
  /** Length of one B2B slot in minutes. */
  slotMinutes: number;
  /** Number of numbered tables (1..tables). */
  tables: number;
  /** Windows in event-local time in which meetings take place. */
  windows: MeetingWindow[];
  /** Most meetings one delegate may have. */
  maxMeetingsPerDelegate: number;
  /** Most pending outgoing requests one delegate may have at once. */
  maxPendingRequests: number;
  /** A pending request expires after this many hours. */
  requestExpiryHours: number;
  /** Minutes before a meeting at which reminders go out, e.g. [1440, 30]. */
  reminderLeadMinutes: number[];
}

export interface SessionSettings {
  /** Minutes before a session at which its speakers and moderators are reminded. */
  reminderLeadMinutes: number[];
}

@Entity('events')
export class Event {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  theme: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'longtext', transformer: jsonText })
  translations: EventTranslations;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  city: string | null;

  /** ISO 3166-1 alpha-2 */
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: EventStatus;

  /** Working languages of the event, the first being the default for mails. */
  @Column({ type: 'longtext', transformer: jsonText })
  languages: EventLocale[];

  @Column({ type: 'longtext', transformer: jsonText })
  sectors: string[];

  @Column({ name: 'registration_opens_at', type: 'datetime', precision: 3, nullable: true })
  registrationOpensAt: Date | null;

  @Column({ name: 'registration_closes_at', type: 'datetime', precision: 3, nullable: true })
  registrationClosesAt: Date | null;

  /** Approved delegates allowed; null = unlimited. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Column({ name: 'requires_approval', type: 'boolean', default: true })
  requiresApproval: boolean;

  @Column({ name: 'meeting_settings', type: 'longtext', transformer: jsonText })
  meetingSettings: MeetingSettings;

  /** B2B schedule publication: draft (organisers only), preliminary, final (mailed to every delegate). */
  @Column({ name: 'schedule_status', type: 'varchar', length: 16, default: 'draft' })
  scheduleStatus: ScheduleStatus;

  @Column({ name: 'session_settings', type: 'longtext', transformer: jsonText })
  sessionSettings: SessionSettings;

  /** Whether the agreements report is public once the event is published. */
  @Column({ name: 'public_agreements_report', type: 'boolean', default: false })
  publicAgreementsReport: boolean;

  /** Marked by a platform admin: the event may send invitations at the trusted quota, not the small one. */
  @Column({ type: 'boolean', default: false })
  trusted: boolean;

  @Column({ name: 'created_by', type: 'char', length: 36 })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  get defaultLocale(): EventLocale {
    return this.languages[0] ?? 'en';
  }
}
