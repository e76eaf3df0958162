import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SpeakerRole = 'speaker' | 'moderator';

/**
 * A speaker or moderator of a session, known by email: the person may not
 * have an account yet (they are invited), and is linked by that email when
 * they sign up.
 */
@Entity('session_speakers')
export class SessionSpeaker {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'session_id', type: 'char', length: 36 })
  sessionId: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: SpeakerRole;

  @Column({ type: 'varchar', length: 200, nullable: true })
  company: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
