import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { RegistrationRole } from './registration.entity';

/** An invitation to register; only the SHA-256 of its token is stored. */
@Entity('invitations')
export class Invitation {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'company_name', type: 'varchar', length: 200, nullable: true })
  companyName: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  @Column({ type: 'varchar', length: 16 })
  role: RegistrationRole;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  /** The organiser lets this guest register after `registrationClosesAt` (never before it opens: see register()). */
  @Column({ name: 'allow_late_registration', type: 'boolean', default: false })
  allowLateRegistration: boolean;

  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** How many times the invitation was mailed (1 at first; each resend adds one, up to a bound). */
  @Column({ name: 'sent_count', type: 'int', default: 1 })
  sentCount: number;

  /** When it was last resent (null: only the first mail). */
  @Column({ name: 'last_sent_at', type: 'datetime', precision: 3, nullable: true })
  lastSentAt: Date | null;

  @Column({ name: 'invited_by', type: 'char', length: 36 })
  invitedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
