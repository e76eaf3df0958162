import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EventLocale } from './event.entity';

export const SESSION_KINDS = [
  'plenary',
  'panel',
  'roundtable',
  'workshop',
  'signing_ceremony',
  'b2b_block',
  'site_visit',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export type SessionTranslations = Partial<
  Record<EventLocale, { title?: string; description?: string; meetingPoint?: string; transport?: string }>
>;

@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'char', length: 36 })
  eventId: string;

  @Column({ name: 'room_id', type: 'char', length: 36, nullable: true })
  roomId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'longtext', transformer: jsonText })
  translations: SessionTranslations;

  @Column({ name: 'starts_at', type: 'datetime', precision: 3 })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'datetime', precision: 3 })
  endsAt: Date;

  @Column({ type: 'longtext', transformer: jsonText })
  languages: string[];

  /** Interpretation offered, as language pairs such as 'zh-ru'. */
  @Column({ type: 'longtext', transformer: jsonText })
  interpretation: string[];

  /** Written by the speakers: what the session is about. */
  @Column({ name: 'abstract', type: 'text', nullable: true })
  abstract: string | null;

  /** Links to slides, papers, videos (http/https). */
  @Column({ type: 'longtext', transformer: jsonText })
  materials: string[];

  /** Site visits only: seats on the tour; sign-ups beyond it wait in order. */
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  /** Site visits only: where the delegates gather (e.g. "Hotel lobby, north entrance"). */
  @Column({ name: 'meeting_point', type: 'varchar', length: 500, nullable: true })
  meetingPoint: string | null;

  /** Site visits only: when the transport leaves, within the session's time. */
  @Column({ name: 'departs_at', type: 'datetime', precision: 3, nullable: true })
  departsAt: Date | null;

  /** Site visits only: how they travel (e.g. "Coach, 45 minutes"). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  transport: string | null;

  /** Bumped on every change of time or room: the SEQUENCE of the session's calendar entry. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
