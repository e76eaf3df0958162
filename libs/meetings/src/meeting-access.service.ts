import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, ID_PATTERN } from '@roundtable/common';
import { isDuplicateKey } from '@roundtable/database';
import { Event, EventAccessService } from '@roundtable/events';
import {
  Registration,
  RegistrationAccessService,
  RegistrationError,
  RegistrationErrorCode,
} from '@roundtable/registrations';
import { EntityManager } from 'typeorm';
import { Meeting, MeetingRequest } from './entities';
import { EventMeetingState } from './event-meeting-state';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { MeetingRequestRow, requestOfRow } from './meeting-rows';

/**
 * Who may touch which meeting request and meeting, and the locks a use case
 * takes. An outsider learns nothing (404); the wrong side of a request is
 * refused (403). Every use case of the meetings lib asks here, inside its own
 * transaction.
 *
 * Lock order. Every transaction of the meetings lib (and the registration
 * workflow, and the scheduling run) takes its row locks in this order, so two
 * of them may wait for each other but never deadlock:
 *   1. the event row: FOR SHARE for a change confined to two delegates and one
 *      slot (creating a request, booking), FOR UPDATE for a change that reads
 *      the whole event (accepting, cancelling with its refill, moving, the
 *      scheduling run, registration decisions against the capacity);
 *   2. registrations, in id order, read again under the lock: FOR UPDATE,
 *      or FOR SHARE for a booking whose delegates' meeting cap cannot bind
 *      (see MeetingPlacementService.book; a lock taken FOR SHARE is never
 *      upgraded, so this adds no new edge);
 *   3. meeting requests (FOR UPDATE);
 *   4. the slot (`meeting_slot_locks`), then its seats;
 *   5. the rows written: meetings, seats, outbox.
 * Foreign-key checks take share locks on parents (event, registrations,
 * request) that are by then already held, so they add no new edge.
 */
@Injectable()
export class MeetingAccessService {
  constructor(
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
  ) {}

  /** Step 1: the event visible to the caller, its row locked FOR UPDATE for the rest of the transaction. */
  lockVisibleEvent(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    return this.events.lockVisibleEvent(em, eventId, user);
  }

  /** Step 1 for a change confined to two delegates and one slot: the event row shared. */
  shareLockVisibleEvent(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    return this.events.lockVisibleEvent(em, eventId, user, 'share');
  }

  /**
   * Step 2: the delegates' registrations, in id order, read again under the
   * lock; one that is no longer approved ends the use case with a 403 instead
   * of a half-written meeting or mail. `share` for a booking that depends on
   * nothing the two's other meetings decide (see MeetingPlacementService.book).
   */
  async lockApprovedDelegates(
    em: EntityManager,
    eventId: string,
    ids: string[],
    mode: 'update' | 'share' = 'update',
  ): Promise<void> {
    const statuses = await this.registrations.lockStatuses(em, eventId, ids, mode);
    if (statuses.length !== new Set(ids).size || statuses.some((r) => r.status !== 'approved')) throw notApproved();
  }

  /** Step 4: the slot's row, created on first use. */
  async lockSlot(em: EntityManager, eventId: string, slotIndex: number): Promise<void> {
    await em.query(
      'INSERT INTO meeting_slot_locks (event_id, slot_index) VALUES (?, ?) ON DUPLICATE KEY UPDATE slot_index = slot_index',
      [eventId, slotIndex],
    );
  }

  /**
   * The expired requests a new request depends on: the sender's own pending
   * ones (their count) and the pair's (its unique key). Only rows of the
   * locked sender, so it takes no lock another delegate's change could hold.
   */
  async expireStaleOf(em: EntityManager, eventId: string, own: string, pairKey: string): Promise<void> {
    const now = new Date();
    await em.query(
      "UPDATE meeting_requests SET status = 'expired', active_pair = NULL WHERE from_registration_id = ? AND status = 'pending' AND expires_at <= ?",
      [own, now],
    );
    await em.query(
      "UPDATE meeting_requests SET status = 'expired', active_pair = NULL WHERE event_id = ? AND pair_key = ? AND status = 'pending' AND expires_at <= ?",
      [eventId, pairKey, now],
    );
  }

  /**
   * Writes a new pending request. One already pending or accepted between the
   * pair (their unique active-pair key) makes it PAIR_ALREADY_REQUESTED with
   * `taken` as the message; the savepoint keeps the caller's transaction usable.
   */
  async insertPending(em: EntityManager, request: MeetingRequest, taken: string): Promise<void> {
    try {
      await em.query('SAVEPOINT before_request');
      await em.getRepository(MeetingRequest).insert(request);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await em.query('ROLLBACK TO SAVEPOINT before_request');
      throw new MeetingError(MeetingErrorCode.PairAlreadyRequested, taken);
    }
  }

  /** Pending requests whose time ran out become expired. */
  async expireStale(em: EntityManager, eventId: string): Promise<void> {
    await em.query(
      "UPDATE meeting_requests SET status = 'expired', active_pair = NULL WHERE event_id = ? AND status = 'pending' AND expires_at <= ?",
      [eventId, new Date()],
    );
  }

  /** The request if the caller is the named side of it (an outsider learns nothing: 404). */
  async requestFor(
    em: EntityManager,
    event: Event,
    requestId: string,
    user: AuthUser,
    side: 'from' | 'to' | 'either',
  ): Promise<MeetingRequest> {
    // the request and the caller's own registration at its event, in one read
    const own = this.registrations.ownJoin('q.event_id');
    const [row]: Array<MeetingRequestRow & { own_registration_id: string | null }> = ID_PATTERN.test(requestId)
      ? await em.query(
          `SELECT q.*, ${own.columns} FROM meeting_requests q ${own.join} WHERE q.id = ? AND q.event_id = ?`,
          [user.id, requestId, event.id],
        )
      : [];
    if (!row) throw new MeetingError(MeetingErrorCode.RequestNotFound, 'Meeting request not found');
    const request = requestOfRow(row);
    const isFrom = row.own_registration_id === request.fromRegistrationId;
    const isTo = row.own_registration_id === request.toRegistrationId;
    if (!isFrom && !isTo) {
      if (side === 'either' && (await this.events.isOrganiser(event.id, user, em))) return request;
      throw new MeetingError(MeetingErrorCode.RequestNotFound, 'Meeting request not found');
    }
    if ((side === 'from' && !isFrom) || (side === 'to' && !isTo)) {
      throw new CommonError(
        CommonErrorCode.Forbidden,
        side === 'to'
          ? 'Only the delegate who received the request may answer it'
          : 'Only the delegate who sent the request may withdraw it',
      );
    }
    return request;
  }

  /**
   * The request if it is still pending and the caller is its named side. An
   * expired request is refused whether or not the periodic expiry has marked
   * it yet, so no separate expiry step is needed before an answer.
   */
  async pendingRequestFor(
    em: EntityManager,
    event: Event,
    requestId: string,
    user: AuthUser,
    side: 'from' | 'to',
  ): Promise<MeetingRequest> {
    const request = await this.requestFor(em, event, requestId, user, side);
    if (request.status === 'expired' || (request.status === 'pending' && request.expiresAt.getTime() <= Date.now()))
      throw new MeetingError(
        MeetingErrorCode.RequestExpired,
        `The request expired at ${request.expiresAt.toISOString()}`,
      );
    if (request.status !== 'pending')
      throw new MeetingError(MeetingErrorCode.RequestNotPending, `The request is ${request.status}, not pending`);
    return request;
  }

  async findMeeting(em: EntityManager, eventId: string, meetingId: string): Promise<Meeting> {
    const meeting = ID_PATTERN.test(meetingId)
      ? await em.getRepository(Meeting).findOneBy({ id: meetingId, eventId })
      : null;
    if (!meeting) throw new MeetingError(MeetingErrorCode.MeetingNotFound, 'Meeting not found');
    return meeting;
  }

  /** The meeting if the caller is one of its delegates or an organiser; others get 404. */
  async meetingFor(
    em: EntityManager,
    event: Event,
    meetingId: string,
    user: AuthUser,
  ): Promise<{ meeting: Meeting; organiser: boolean }> {
    const meeting = await this.findMeeting(em, event.id, meetingId);
    const organiser = await this.events.isOrganiser(event.id, user, em);
    if (!organiser && !(await this.delegateOf(em, meeting, user))) {
      throw new MeetingError(MeetingErrorCode.MeetingNotFound, 'Meeting not found');
    }
    return { meeting, organiser };
  }

  /** The caller's registration if they are one of the meeting's two delegates. */
  async delegateOf(em: EntityManager, meeting: Meeting, user: AuthUser): Promise<Registration | null> {
    const own = await this.registrations.findOwn(meeting.eventId, user.id, em);
    return own && (own.id === meeting.registrationA || own.id === meeting.registrationB) ? own : null;
  }

  /** The other side of a meeting with `own`: an approved delegate of the same event, not `own`. */
  async approvedCounterpart(
    em: EntityManager,
    own: Registration,
    registrationId: string,
    selfMessage: string,
  ): Promise<Registration> {
    if (registrationId === own.id) throw new MeetingError(MeetingErrorCode.SelfRequest, selfMessage);
    const other = await this.registrations.getRegistration(own.eventId, registrationId, em);
    if (other.status !== 'approved') throw notApproved();
    return other;
  }

  /** The caller's registration among the board's delegates, if they are one. */
  callerRegistration(board: EventMeetingState, user: AuthUser): string | null {
    for (const d of board.delegates.values()) if (d.userId === user.id) return d.registrationId;
    return null;
  }
}

export const notApproved = (): RegistrationError =>
  new RegistrationError(
    RegistrationErrorCode.NotApprovedDelegate,
    'That delegate is not an approved delegate of this event',
  );
