import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type RegistrationRole = 'delegate' | 'speaker' | 'press' | 'staff';
export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';

/** An interval in which a delegate can meet (UTC instants). */
export interface AvailabilityWindow {
  start: string;
  end: string;
}

/** A person at an event: one per user per event (unique key), with their company and status. */
/** A name as written in Latin, Chinese and Cyrillic script (each optional). */
export interface BadgeNames {
  latin?: string;
  zh?: string;
  ru?: string;
}

@Entity('registrations')
export class Registration {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'user_id', type: 'char', length: 36 })
  userId: string;

  @Column({ name: 'company_id', type: 'char', length: 36, nullable: true })
  companyId: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: RegistrationRole;

  @Column({ type: 'varchar', length: 16 })
  status: RegistrationStatus;

  /** Position at the company, e.g. "Head of export". */
  @Column({ name: 'job_title', type: 'varchar', length: 200, nullable: true })
  jobTitle: string | null;

  /** Languages spoken (zh, ru, en, …). */
  @Column({ type: 'longtext', transformer: jsonText })
  languages: string[];

  @Column({ name: 'needs_interpreter', type: 'boolean', default: false })
  needsInterpreter: boolean;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone: string;

  /** Whether other delegates may see this person's email in the directory. */
  @Column({ name: 'share_email', type: 'boolean', default: false })
  shareEmail: boolean;

  /** The person's name in other scripts, printed on the badge under the account name. */
  @Column({ name: 'badge_names', type: 'longtext', nullable: true, transformer: jsonText })
  badgeNames: BadgeNames | null;

  /** When the delegate can meet; null means whenever the event's meeting windows are open. */
  @Column({ type: 'longtext', nullable: true, transformer: jsonText })
  availability: AvailabilityWindow[] | null;

  /** Random code printed (signed) on the badge's QR code. */
  @Column({ name: 'badge_code', type: 'varchar', length: 64 })
  badgeCode: string;

  @Column({ name: 'checked_in_at', type: 'datetime', precision: 3, nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'invitation_id', type: 'char', length: 36, nullable: true })
  invitationId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
