import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An invitation to join an event's organiser team, mailed to an address; only its token's hash is kept. */
@Entity('organiser_invitations')
export class OrganiserInvitation {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'invited_by', type: 'char', length: 36 })
  invitedBy: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'char', length: 36, nullable: true })
  acceptedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
