import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, ID_PATTERN } from '@roundtable/common';
import { Event, EventAccessService } from '@roundtable/events';
import {
  Registration,
  RegistrationAccessService,
  RegistrationError,
  RegistrationErrorCode,
} from '@roundtable/registrations';
import { EntityManager } from 'typeorm';
import { Meeting, MeetingRequest } from './entities';
import { MeetingBoard } from './meeting-board';
import { MeetingError, MeetingErrorCode } from './meeting-error';

/**
 * Who may touch which meeting request and meeting. An outsider learns nothing
 * (404); the wrong side of a request is refused (403). Every use case of the
 * meetings lib asks here, inside its own transaction.
 */
@Injectable()
export class MeetingAccessService {
  constructor(
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
  ) {}

  /** The event visible to the caller, its row locked for the rest of the transaction (one read). */
  lockVisibleEvent(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    return this.events.lockVisibleEvent(em, eventId, user);
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
    const request = ID_PATTERN.test(requestId)
      ? await em.getRepository(MeetingRequest).findOneBy({ id: requestId, eventId: event.id })
      : null;
    if (!request) throw new MeetingError(MeetingErrorCode.RequestNotFound, 'Meeting request not found');
    const own = await this.registrations.findOwn(event.id, user.id, em);
    const isFrom = own?.id === request.fromRegistrationId;
    const isTo = own?.id === request.toRegistrationId;
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
    if (other.status !== 'approved')
      throw new RegistrationError(
        RegistrationErrorCode.NotApprovedDelegate,
        'That delegate is not an approved delegate of this event',
      );
    return other;
  }

  /** The caller's registration among the board's delegates, if they are one. */
  callerRegistration(board: MeetingBoard, user: AuthUser): string | null {
    for (const d of board.delegates.values()) if (d.userId === user.id) return d.registrationId;
    return null;
  }
}
