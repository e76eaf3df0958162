import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type SiteVisitSignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

/**
 * A delegate's sign-up to a site visit (a session of kind `site_visit`):
 * confirmed within the visit's capacity, waitlisted beyond it in `seq` order,
 * cancelled rows kept. At most one live sign-up per registration and visit
 * (`uq_site_visit_signups_active` over a generated column NULL once cancelled).
 */
@Entity('site_visit_signups')
export class SiteVisitSignup {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'session_id', type: 'char', length: 36 })
  sessionId: string;

  @Column({ name: 'registration_id', type: 'char', length: 36 })
  registrationId: string;

  @Column({ type: 'varchar', length: 16 })
  status: SiteVisitSignupStatus;

  /** Order of signing up within the visit, given out under the visit's row lock: the waiting list's order. */
  @Column({ type: 'int' })
  seq: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;

  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true })
  cancelledAt: Date | null;
}
