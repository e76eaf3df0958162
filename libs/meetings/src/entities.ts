import { jsonText } from '@roundtable/database';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type MeetingRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';
export type MeetingStatus = 'scheduled' | 'cancelled';

/** An interpreter in the event's pool: language pairs written with codes sorted ("ru-zh"), availability in UTC. */
@Entity('interpreters')
export class Interpreter {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'event_id', type: 'char', length: 36 }) eventId: string;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ type: 'longtext', transformer: jsonText }) pairs: string[];
  @Column({ type: 'longtext', nullable: true, transformer: jsonText }) availability: Array<{
    start: string;
    end: string;
  }> | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A table reserved for one company: its delegates' meetings happen there. */
@Entity('fixed_tables')
export class FixedTable {
  @PrimaryColumn({ name: 'event_id', type: 'char', length: 36 }) eventId: string;
  @PrimaryColumn({ name: 'company_id', type: 'char', length: 36 }) companyId: string;
  @Column({ name: 'table_no', type: 'int' }) tableNo: number;
}

@Entity('meeting_requests')
export class MeetingRequest {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'event_id', type: 'char', length: 36 }) eventId: string;
  @Column({ name: 'from_registration_id', type: 'char', length: 36 }) fromRegistrationId: string;
  @Column({ name: 'to_registration_id', type: 'char', length: 36 }) toRegistrationId: string;
  /** The two registration ids sorted and joined: one active request per pair. */
  @Column({ name: 'pair_key', type: 'char', length: 73 }) pairKey: string;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'varchar', length: 16 }) status: MeetingRequestStatus;
  @Column({ type: 'int', default: 0 }) priority: number;
  /** Why an accepted request has no meeting yet (NO_COMMON_FREE_SLOT, …). */
  @Column({ name: 'unscheduled_reason', type: 'varchar', length: 40, nullable: true }) unscheduledReason: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true }) respondedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  /** `pairKey` while pending or accepted, null afterwards: the unique key allows one live request per pair. */
  @Column({ name: 'active_pair', type: 'char', length: 73, nullable: true })
  activePair: string | null;
  /** The organiser (user id) who proposed this meeting from a recommendation; null when a delegate asked. */
  @Column({ name: 'proposed_by', type: 'char', length: 36, nullable: true, default: null })
  proposedBy: string | null;
  /** The slot the sender would like (index in the event's grid); accepting tries it first. */
  @Column({ name: 'preferred_slot_index', type: 'int', nullable: true, default: null })
  preferredSlotIndex: number | null;
}

@Entity('meetings')
export class Meeting {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ name: 'event_id', type: 'char', length: 36 }) eventId: string;
  @Column({ name: 'request_id', type: 'char', length: 36 }) requestId: string;
  @Column({ name: 'registration_a', type: 'char', length: 36 }) registrationA: string;
  @Column({ name: 'registration_b', type: 'char', length: 36 }) registrationB: string;
  @Column({ name: 'slot_index', type: 'int' }) slotIndex: number;
  @Column({ name: 'starts_at', type: 'datetime', precision: 3 }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'datetime', precision: 3 }) endsAt: Date;
  @Column({ name: 'table_no', type: 'int' }) tableNo: number;
  @Column({ name: 'interpreter_id', type: 'char', length: 36, nullable: true }) interpreterId: string | null;
  @Column({ type: 'varchar', length: 16 }) status: MeetingStatus;
  @Column({ type: 'boolean', default: false }) locked: boolean;
  /** Bumped on every move: calendars update the entry rather than add one. */
  @Column({ type: 'int', default: 0 }) sequence: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('meeting_outcomes')
export class MeetingOutcome {
  @PrimaryColumn({ name: 'meeting_id', type: 'char', length: 36 }) meetingId: string;
  @PrimaryColumn({ name: 'registration_id', type: 'char', length: 36 }) registrationId: string;
  @Column({ type: 'tinyint' }) rating: number;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'follow_up', type: 'text', nullable: true }) followUp: string | null;
  @Column({ name: 'agreement_expected', type: 'boolean', default: false }) agreementExpected: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** A personal calendar feed: only the token's SHA-256 is stored; rotating or deleting it revokes the old URL. */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId: string;
  @Column({ name: 'token_hash', type: 'char', length: 64 }) tokenHash: string;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export const MEETING_ENTITIES = [Interpreter, FixedTable, MeetingRequest, Meeting, MeetingOutcome, CalendarFeed];
