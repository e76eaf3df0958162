import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { OutboxService } from '@roundtable/notifications';
import { RegistrationAccessService } from '@roundtable/registrations';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingRequest } from './entities';
import { EventMeetingStateLoader } from './event-meeting-state';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { meetingMail } from './meeting-mail';

/** Statuses after which the two delegates are not suggested to each other again: met, asked, or said no. */
const CONTACTED = ['pending', 'accepted', 'declined'];

/**
 * What other features (recommendations) may ask of meetings: who a delegate
 * is already in touch with, which slots delegates already have a meeting
 * in, and an organiser proposing that two
 * delegates meet. A proposal is an ordinary pending request from one to the
 * other, marked with the organiser who proposed it; both get a mail.
 */
@Injectable()
export class MeetingProposalsService {
  private readonly baseUrl: string;

  constructor(
    private readonly boards: EventMeetingStateLoader,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly meetingAccess: MeetingAccessService,
    private readonly registrations: RegistrationAccessService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /** Registration ids the delegate has a pending, accepted or declined request with (either direction). */
  async contactedBy(eventId: string, registrationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ other: string }>>(
      `SELECT to_registration_id AS other FROM meeting_requests
        WHERE from_registration_id = ? AND event_id = ? AND status IN (?, ?, ?)
       UNION
       SELECT from_registration_id AS other FROM meeting_requests
        WHERE to_registration_id = ? AND event_id = ? AND status IN (?, ?, ?)`,
      [registrationId, eventId, ...CONTACTED, registrationId, eventId, ...CONTACTED],
    );
    return rows.map((r) => r.other);
  }

  /** Per delegate among `ids`: the slot indexes they have a scheduled meeting in (absent: none). */
  async busySlots(eventId: string, ids: string[]): Promise<Map<string, Set<number>>> {
    const busy = new Map<string, Set<number>>();
    if (ids.length === 0) return busy;
    const marks = ids.map(() => '?').join(', ');
    const rows = await this.dataSource.query<Array<{ registration_id: string; slot_index: number }>>(
      `SELECT registration_a AS registration_id, slot_index FROM meetings
        WHERE registration_a IN (${marks}) AND status = 'scheduled' AND event_id = ?
       UNION ALL
       SELECT registration_b AS registration_id, slot_index FROM meetings
        WHERE registration_b IN (${marks}) AND status = 'scheduled' AND event_id = ?`,
      [...ids, eventId, ...ids, eventId],
    );
    for (const r of rows) {
      const slots = busy.get(r.registration_id) ?? new Set<number>();
      slots.add(Number(r.slot_index));
      busy.set(r.registration_id, slots);
    }
    return busy;
  }

  /** An organiser proposes that `fromId` and `toId` meet: a pending request `toId` answers, mailed to both. */
  async propose(
    eventId: string,
    organiser: AuthUser,
    fromId: string,
    toId: string,
    message: string | null,
  ): Promise<MeetingRequest> {
    return inTransaction(this.dataSource, async (em) => {
      // the lock order of MeetingAccessService: the event shared, then both registrations in id order
      await this.access.getOrganisedEvent(eventId, organiser, em);
      const event = await this.access.shareLockEvent(em, eventId);
      if (fromId === toId)
        throw new MeetingError(MeetingErrorCode.SelfRequest, 'A meeting needs two different delegates');
      const from = await this.approved(em, event.id, fromId);
      const to = await this.approved(em, event.id, toId);
      const pairKey = [from, to].sort().join(':');
      await this.registrations.lockStatuses(em, event.id, [from, to]);
      // a pending request between them that has run out no longer stands in the way
      await em.query(
        `UPDATE meeting_requests SET status = 'expired', active_pair = NULL
          WHERE event_id = ? AND pair_key = ? AND status = 'pending' AND expires_at <= ?`,
        [event.id, pairKey, new Date()],
      );
      const repo = em.getRepository(MeetingRequest);
      if (await repo.existsBy({ eventId: event.id, pairKey, status: 'declined' }))
        throw new MeetingError(MeetingErrorCode.PairDeclined, 'One of these delegates has declined the other already');
      const request = repo.create({
        id: newId(),
        eventId: event.id,
        fromRegistrationId: from,
        toRegistrationId: to,
        pairKey,
        activePair: pairKey,
        message,
        status: 'pending',
        priority: 0,
        unscheduledReason: null,
        expiresAt: new Date(Date.now() + event.meetingSettings.requestExpiryHours * 3_600_000),
        respondedAt: null,
        proposedBy: organiser.id,
      });
      await this.meetingAccess.insertPending(
        em,
        request,
        'There is already a pending or accepted request between these delegates',
      );
      const people = await this.boards.delegates(em, event.id, [from, to]);
      await this.outbox.enqueue(
        em,
        ...[
          [from, to],
          [to, from],
        ].map(([a, b]) =>
          meetingMail({
            event,
            type: 'meeting-proposed',
            factId: request.id,
            to: people.get(a)!,
            other: people.get(b)!,
            message,
            baseUrl: this.baseUrl,
          }),
        ),
      );
      return request;
    });
  }

  private async approved(em: EntityManager, eventId: string, registrationId: string): Promise<string> {
    const registration = await this.registrations.getRegistration(eventId, registrationId, em);
    if (registration.status !== 'approved' || registration.role !== 'delegate')
      throw new CommonError(
        CommonErrorCode.BadReference,
        `Registration ${registrationId} is not an approved delegate of this event`,
      );
    return registration.id;
  }
}
