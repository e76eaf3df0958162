import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type VisaStatus = 'requested' | 'approved' | 'rejected';

/** A delegate's request for a visa invitation letter. Passport details never leave this table except in the letter. */
@Entity('visa_requests')
export class VisaRequest {
  @PrimaryColumn({ name: 'registration_id', type: 'char', length: 36 })
  registrationId: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  @Column({ type: 'char', length: 2 })
  nationality: string;

  @Column({ name: 'passport_number', type: 'varchar', length: 40 })
  passportNumber: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth: string;

  @Column({ name: 'passport_expires_on', type: 'date' })
  passportExpiresOn: string;

  @Column({ name: 'entry_on', type: 'date' })
  entryOn: string;

  @Column({ name: 'exit_on', type: 'date' })
  exitOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: VisaStatus;

  /** The letter's reference number (random, unguessable), given when approved; its QR opens the public check by it. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reference: string | null;

  /** Why the organisers rejected the request, shown to the delegate. */
  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decided_by', type: 'char', length: 36, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
