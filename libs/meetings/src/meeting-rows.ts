import { Meeting, MeetingRequest, MeetingRequestStatus, MeetingStatus } from './entities';

/** A meetings row as a raw query returns it (`SELECT m.*`). */
export interface MeetingRow {
  id: string;
  event_id: string;
  request_id: string;
  registration_a: string;
  registration_b: string;
  slot_index: number;
  starts_at: Date;
  ends_at: Date;
  table_no: number;
  interpreter_id: string | null;
  status: MeetingStatus;
  locked: number | boolean;
  sequence: number;
  created_at: Date;
  updated_at: Date;
}

/** A meeting_requests row as a raw query returns it (`SELECT q.*`). */
export interface MeetingRequestRow {
  id: string;
  event_id: string;
  from_registration_id: string;
  to_registration_id: string;
  pair_key: string;
  message: string | null;
  status: MeetingRequestStatus;
  priority: number;
  unscheduled_reason: string | null;
  expires_at: Date;
  responded_at: Date | null;
  created_at: Date;
  active_pair: string | null;
  proposed_by: string | null;
  preferred_slot_index: number | null;
}

/**
 * The entity of a row read by a raw query that joins other libs' tables
 * (their join helpers), where the repository's hydration is not at hand.
 */
export const meetingOfRow = (row: MeetingRow): Meeting =>
  Object.assign(new Meeting(), {
    id: row.id,
    eventId: row.event_id,
    requestId: row.request_id,
    registrationA: row.registration_a,
    registrationB: row.registration_b,
    slotIndex: Number(row.slot_index),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    tableNo: Number(row.table_no),
    interpreterId: row.interpreter_id,
    status: row.status,
    locked: Boolean(row.locked),
    sequence: Number(row.sequence),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

export const requestOfRow = (row: MeetingRequestRow): MeetingRequest =>
  Object.assign(new MeetingRequest(), {
    id: row.id,
    eventId: row.event_id,
    fromRegistrationId: row.from_registration_id,
    toRegistrationId: row.to_registration_id,
    pairKey: row.pair_key,
    message: row.message,
    status: row.status,
    priority: Number(row.priority),
    unscheduledReason: row.unscheduled_reason,
    expiresAt: row.expires_at,
    respondedAt: row.responded_at,
    createdAt: row.created_at,
    activePair: row.active_pair,
    proposedBy: row.proposed_by,
    preferredSlotIndex: row.preferred_slot_index === null ? null : Number(row.preferred_slot_index),
  });
