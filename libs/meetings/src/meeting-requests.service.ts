import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService } from '@roundtable/events';
import { OutboxService } from '@roundtable/notifications';
import { RegistrationAccessService, RegistrationError, RegistrationErrorCode } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { Meeting, MeetingRequest } from './entities';
import { MeetingAccessService } from './meeting-access.service';
import { Delegate, EventMeetingStateLoader } from './event-meeting-state';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { meetingMail } from './meeting-mail';
import { MeetingPlacementService } from './meeting-placement.service';
import { slotGrid } from './slot-grid';

/**
 * Meeting requests: asking, listing, declining and withdrawing. Accepting is
 * placement (it schedules the meeting), so it lives in MeetingPlacementService.
 */
@Injectable()
export class MeetingRequestsService {
  private readonly baseUrl: string;

  constructor(
    private readonly boards: EventMeetingStateLoader,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
    private readonly access: MeetingAccessService,
    private readonly placement: MeetingPlacementService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  async createRequest(
    eventId: string,
    user: AuthUser,
    toRegistrationId: string,
    message: string | null,
    preferredSlotIndex: number | null = null,
  ): Promise<MeetingRequest> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.shareLockVisibleEvent(em, eventId, user);
      if (preferredSlotIndex !== null) {
        const slotCount = slotGrid(event.meetingSettings, event.timeZone).length;
        if (preferredSlotIndex >= slotCount)
          throw new MeetingError(
            MeetingErrorCode.InvalidSlot,
            `preferredSlotIndex must be between 0 and ${slotCount - 1}`,
          );
      }
      const own = await this.registrations.requireApproved(event.id, user, em);
      const target = await this.access.approvedCounterpart(
        em,
        own,
        toRegistrationId,
        'You cannot request a meeting with yourself',
      );
      // Both delegates locked (the sender's pending count cannot race, and the
      // target cannot be cancelled before the mail about them is written).
      await this.access.lockApprovedDelegates(em, event.id, [own.id, target.id]);
      const pairKey = [own.id, target.id].sort().join(':');
      await this.access.expireStaleOf(em, event.id, own.id, pairKey);
      const repo = em.getRepository(MeetingRequest);
      if (await repo.existsBy({ eventId: event.id, pairKey, status: 'declined' })) {
        throw new MeetingError(MeetingErrorCode.PairDeclined, 'This delegate has declined a meeting with you already');
      }
      const pending = await repo.countBy({ fromRegistrationId: own.id, status: 'pending' });
      const limit = event.meetingSettings.maxPendingRequests;
      if (pending >= limit)
        throw new MeetingError(
          MeetingErrorCode.PendingLimitReached,
          `You have ${pending} pending requests, the most allowed is ${limit}`,
        );
      const request = repo.create({
        id: newId(),
        eventId: event.id,
        fromRegistrationId: own.id,
        toRegistrationId: target.id,
        pairKey,
        activePair: pairKey,
        message,
        status: 'pending',
        priority: 0,
        unscheduledReason: null,
        expiresAt: new Date(Date.now() + event.meetingSettings.requestExpiryHours * 3_600_000),
        respondedAt: null,
        preferredSlotIndex,
      });
      await this.access.insertPending(em, request, 'There is already a pending or accepted request between you two');
      const people = await this.boards.delegates(em, event.id, [own.id, target.id]);
      await this.outbox.enqueue(
        em,
        meetingMail({
          event,
          type: 'meeting-requested',
          factId: request.id,
          to: people.get(target.id)!,
          other: people.get(own.id)!,
          message,
          baseUrl: this.baseUrl,
        }),
      );
      return request;
    });
  }

  /** A delegate sees the requests they sent or received; organisers see all of the event's. */
  async listRequests(eventId: string, user: AuthUser, status?: string): Promise<MeetingRequest[]> {
    const event = await this.events.getVisibleEvent(eventId, user);
    await inTransaction(this.dataSource, (em) => this.access.expireStale(em, event.id));
    const qb = this.dataSource
      .getRepository(MeetingRequest)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId: event.id });
    if (!(await this.events.isOrganiser(event.id, user))) {
      const own = await this.registrations.findOwn(event.id, user.id);
      if (!own)
        throw new RegistrationError(
          RegistrationErrorCode.NotApprovedDelegate,
          'Only delegates of this event may do this',
        );
      qb.andWhere('(r.from_registration_id = :own OR r.to_registration_id = :own)', { own: own.id });
    }
    if (status) qb.andWhere('r.status = :status', { status });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').limit(500).getMany();
  }

  /** The same list with both delegates of each request (a delegate no longer approved is missing from `parties`). */
  async listRequestsWithParties(
    eventId: string,
    user: AuthUser,
    status?: string,
  ): Promise<{ requests: MeetingRequest[]; parties: Map<string, Delegate> }> {
    const requests = await this.listRequests(eventId, user, status);
    const ids = [...new Set(requests.flatMap((r) => [r.fromRegistrationId, r.toRegistrationId]))];
    const parties =
      ids.length > 0
        ? await this.boards.delegates(this.dataSource.manager, requests[0].eventId, ids)
        : new Map<string, Delegate>();
    return { requests, parties };
  }

  async decline(eventId: string, requestId: string, user: AuthUser): Promise<MeetingRequest> {
    return this.closeRequest(eventId, requestId, user, 'to', 'declined', 'meeting-declined');
  }

  /** The sender withdraws a pending request; either side cancels an accepted one (and its meeting). */
  async cancelRequest(eventId: string, requestId: string, user: AuthUser): Promise<MeetingRequest> {
    const event = await this.events.getVisibleEvent(eventId, user);
    const request = await this.access.requestFor(this.dataSource.manager, event, requestId, user, 'either');
    if (request.status === 'accepted') {
      const meeting = await this.dataSource
        .getRepository(Meeting)
        .findOneBy({ requestId: request.id, status: 'scheduled' });
      if (meeting) {
        await this.placement.cancelMeeting(eventId, meeting.id, user);
        return (await this.dataSource.getRepository(MeetingRequest).findOneBy({ id: request.id }))!;
      }
      return this.closeRequest(eventId, requestId, user, 'either', 'cancelled', 'meeting-request-cancelled', [
        'accepted',
      ]);
    }
    return this.closeRequest(eventId, requestId, user, 'from', 'cancelled', 'meeting-request-cancelled');
  }

  private async closeRequest(
    eventId: string,
    requestId: string,
    user: AuthUser,
    side: 'from' | 'to' | 'either',
    status: 'declined' | 'cancelled',
    mailType: string,
    from: string[] = ['pending'],
  ): Promise<MeetingRequest> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.lockVisibleEvent(em, eventId, user);
      const request =
        from[0] === 'pending' && side !== 'either'
          ? await this.access.pendingRequestFor(em, event, requestId, user, side)
          : await this.access.requestFor(em, event, requestId, user, side);
      if (!from.includes(request.status))
        throw new MeetingError(MeetingErrorCode.RequestNotPending, `The request is ${request.status}`);
      request.status = status;
      request.activePair = null;
      request.respondedAt = new Date();
      await em.getRepository(MeetingRequest).save(request);
      const people = await this.boards.delegates(em, event.id, [request.fromRegistrationId, request.toRegistrationId]);
      const own = await this.registrations.findOwn(event.id, user.id, em);
      // The mail goes to the side that did not act.
      const [toId, otherId] =
        own?.id === request.fromRegistrationId
          ? [request.toRegistrationId, request.fromRegistrationId]
          : [request.fromRegistrationId, request.toRegistrationId];
      const to = people.get(toId);
      const other = people.get(otherId);
      if (to && other)
        await this.outbox.enqueue(
          em,
          meetingMail({ event, type: mailType, factId: request.id, to, other, baseUrl: this.baseUrl }),
        );
      return request;
    });
  }
}
