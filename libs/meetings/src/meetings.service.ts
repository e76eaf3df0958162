import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, ID_PATTERN, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { Event, EventAccessService } from '@roundtable/events';
import { OutboxService } from '@roundtable/notifications';
import {
  Registration,
  RegistrationAccessService,
  RegistrationError,
  RegistrationErrorCode,
} from '@roundtable/registrations';
import { IncrementalSchedule, PinnedMeeting } from '@roundtable/scheduler';
import { DataSource, EntityManager, In } from 'typeorm';
import { Meeting, MeetingOutcome, MeetingRequest } from './entities';
import {
  Delegate,
  interpreterNameOf,
  loadBoard,
  loadDelegates,
  MeetingBoard,
  toSchedulerRequest,
} from './meeting-board';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { meetingMail, meetingReminders, meetingSubject, REMINDER } from './meeting-mail';
import { slotGrid } from './slot-grid';

export interface OutcomeInput {
  rating: number;
  notes?: string | null;
  followUp?: string | null;
  agreementExpected?: boolean;
}

/**
 * Meeting requests and meetings. Every change checks itself against the
 * scheduler's view of what it depends on; the `meeting_seats` primary key
 * stops any double booking that slipped past anyway (e.g. a hand-written SQL
 * change).
 *
 * Lock order. Every transaction here (and the registration workflow, and the
 * scheduling run) takes its row locks in this order, so two of them may wait
 * for each other but never deadlock:
 *   1. the event row: FOR SHARE for a change confined to two delegates and one
 *      slot (creating a request, booking), FOR UPDATE for a change that reads
 *      the whole event (accepting, cancelling with its refill, moving, the
 *      scheduling run, registration decisions against the capacity);
 *   2. registrations, in id order (FOR UPDATE), read again under the lock;
 *   3. meeting requests (FOR UPDATE);
 *   4. the slot (`meeting_slot_locks`), then its seats;
 *   5. the rows written: meetings, seats, outbox.
 * Foreign-key checks take share locks on parents (event, registrations,
 * request) that are by then already held, so they add no new edge.
 */
@Injectable()
export class MeetingsService {
  private readonly baseUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly registrations: RegistrationAccessService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  // ---- requests ------------------------------------------------------------

  async createRequest(
    eventId: string,
    user: AuthUser,
    toRegistrationId: string,
    message: string | null,
  ): Promise<MeetingRequest> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.shareLockVisibleEvent(em, eventId, user);
      const own = await this.registrations.requireApproved(event.id, user, em);
      const target = await this.approvedCounterpart(
        em,
        own,
        toRegistrationId,
        'You cannot request a meeting with yourself',
      );
      // Both delegates locked (the sender's pending count cannot race, and the
      // target cannot be cancelled before the mail about them is written).
      await this.lockApprovedDelegates(em, event.id, [own.id, target.id]);
      const pairKey = [own.id, target.id].sort().join(':');
      await this.expireStaleOf(em, event.id, own.id, pairKey);
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
      });
      try {
        await em.query('SAVEPOINT before_request');
        await repo.insert(request);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await em.query('ROLLBACK TO SAVEPOINT before_request');
        throw new MeetingError(
          MeetingErrorCode.PairAlreadyRequested,
          'There is already a pending or accepted request between you two',
        );
      }
      const people = await loadDelegates(em, event.id, [own.id, target.id]);
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
    const event = await this.access.getVisibleEvent(eventId, user);
    await inTransaction(this.dataSource, (em) => this.expireStale(em, event.id));
    const qb = this.dataSource
      .getRepository(MeetingRequest)
      .createQueryBuilder('r')
      .where('r.event_id = :eventId', { eventId: event.id });
    if (!(await this.access.isOrganiser(event.id, user))) {
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

  /** The recipient accepts: the meeting goes into the earliest slot both can make, or waits with a reason. */
  async accept(
    eventId: string,
    requestId: string,
    user: AuthUser,
  ): Promise<{ request: MeetingRequest; meeting: Meeting | null }> {
    await this.expireNow(eventId);
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.lockVisibleEvent(em, eventId, user);
      const request = await this.pendingRequestFor(em, event, requestId, user, 'to');
      await this.lockApprovedDelegates(em, event.id, [request.fromRegistrationId, request.toRegistrationId]);
      request.status = 'accepted';
      request.respondedAt = new Date();
      const board = await loadBoard(em, event);
      const placed = new IncrementalSchedule(board.input).insert(toSchedulerRequest(request, board.delegates));
      request.unscheduledReason = placed.placed ? null : placed.reason;
      await em.getRepository(MeetingRequest).save(request);
      const meeting = placed.placed ? await this.writeMeeting(em, event, board, request, placed.placed) : null;
      const from = board.delegates.get(request.fromRegistrationId)!;
      const to = board.delegates.get(request.toRegistrationId)!;
      await this.outbox.enqueue(
        em,
        meetingMail({
          event,
          type: 'meeting-accepted',
          factId: request.id,
          to: from,
          other: to,
          meeting,
          interpreterName: interpreterNameOf(board, meeting),
          reason: request.unscheduledReason,
          baseUrl: this.baseUrl,
        }),
      );
      // The one who accepted gets the calendar entry too.
      if (meeting) await this.mailBoth(em, event, board, meeting, 'meeting-scheduled', from.registrationId);
      return { request, meeting };
    });
  }

  async decline(eventId: string, requestId: string, user: AuthUser): Promise<MeetingRequest> {
    return this.closeRequest(eventId, requestId, user, 'to', 'declined', 'meeting-declined');
  }

  /** The sender withdraws a pending request; either side cancels an accepted one (and its meeting). */
  async cancelRequest(eventId: string, requestId: string, user: AuthUser): Promise<MeetingRequest> {
    const request = await this.findRequestFor(eventId, requestId, user);
    if (request.status === 'accepted') {
      const meeting = await this.dataSource
        .getRepository(Meeting)
        .findOneBy({ requestId: request.id, status: 'scheduled' });
      if (meeting) {
        await this.cancelMeeting(eventId, meeting.id, user);
        return (await this.dataSource.getRepository(MeetingRequest).findOneBy({ id: request.id }))!;
      }
      return this.closeRequest(eventId, requestId, user, 'either', 'cancelled', 'meeting-request-cancelled', [
        'accepted',
      ]);
    }
    return this.closeRequest(eventId, requestId, user, 'from', 'cancelled', 'meeting-request-cancelled');
  }

  // ---- slots and meetings ----------------------------------------------------

  /**
   * Slots the caller and another delegate can both make now, with a free table
   * (and interpreter when needed). Read from one snapshot (REPEATABLE READ), so
   * a registration cancelled meanwhile is either approved in every read or in
   * none.
   */
  async commonSlots(
    eventId: string,
    user: AuthUser,
    withRegistrationId: string,
  ): Promise<Array<{ index: number; start: Date; end: Date }>> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const event = await this.access.getVisibleEvent(eventId, user, em);
      const own = await this.registrations.requireApproved(event.id, user, em);
      const other = await this.approvedCounterpart(
        em,
        own,
        withRegistrationId,
        'with must be another delegate, not you',
      );
      const board = await loadBoard(em, event);
      if (!board.delegates.has(own.id) || !board.delegates.has(other.id)) throw notApproved();
      const request = toSchedulerRequest(
        { id: 'probe', fromRegistrationId: own.id, toRegistrationId: other.id, priority: 0 } as MeetingRequest,
        board.delegates,
      );
      const free = new IncrementalSchedule({ ...board.input, requests: [] }).feasibleSlots(request);
      return free.map((i) => board.slots[i]);
    });
  }

  /** Book an accepted, unscheduled request into a chosen slot (either delegate, or an organiser). */
  async book(eventId: string, requestId: string, slotIndex: number, user: AuthUser): Promise<Meeting> {
    return inTransaction(this.dataSource, async (em) => {
      // Locks only what a booking depends on (see the lock order above): the
      // event shared, the two delegates, the request, the slot.
      const event = await this.shareLockVisibleEvent(em, eventId, user);
      const found = await this.requestFor(em, event, requestId, user, 'either');
      await this.lockApprovedDelegates(em, event.id, [found.fromRegistrationId, found.toRegistrationId]);
      const request = await em
        .getRepository(MeetingRequest)
        .findOneOrFail({ where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
      if (request.status !== 'accepted')
        throw new MeetingError(MeetingErrorCode.NotAccepted, `The request is ${request.status}, not accepted`);
      if (await em.getRepository(Meeting).existsBy({ requestId: request.id, status: 'scheduled' })) {
        throw new MeetingError(MeetingErrorCode.AlreadyScheduled, 'This meeting is already scheduled; move it instead');
      }
      const slotCount = slotGrid(event.meetingSettings, event.timeZone).length;
      if (!Number.isInteger(slotIndex) || slotIndex < 0 || slotIndex >= slotCount)
        throw new MeetingError(MeetingErrorCode.InvalidSlot, `slotIndex must be between 0 and ${slotCount - 1}`);
      await this.lockSlot(em, event.id, slotIndex);
      await this.quickSlotCheck(em, event, request, slotIndex);
      const board = await loadBoard(em, event, {
        registrationIds: [request.fromRegistrationId, request.toRegistrationId],
        slot: slotIndex,
      });
      const placed = this.placeAt(board, new IncrementalSchedule({ ...board.input, requests: [] }), request, slotIndex);
      const meeting = await this.writeMeeting(em, event, board, request, placed);
      await this.mailBoth(em, event, board, meeting, 'meeting-scheduled', this.callerRegistration(board, user));
      return meeting;
    });
  }

  /** Move a meeting to another slot, or lock/unlock it (organisers only). */
  async update(
    eventId: string,
    meetingId: string,
    user: AuthUser,
    change: { slotIndex?: number; locked?: boolean },
  ): Promise<Meeting> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.lockVisibleEvent(em, eventId, user);
      const { meeting, organiser } = await this.meetingFor(em, event, meetingId, user);
      if (meeting.status !== 'scheduled')
        throw new MeetingError(MeetingErrorCode.MeetingCancelled, 'This meeting is cancelled');
      if (change.locked !== undefined) {
        if (!organiser) throw new CommonError(CommonErrorCode.Forbidden, 'Only organisers lock or unlock meetings');
        meeting.locked = change.locked;
      }
      if (change.slotIndex !== undefined && change.slotIndex !== meeting.slotIndex) {
        if (meeting.locked && !organiser)
          throw new MeetingError(MeetingErrorCode.MeetingLocked, 'The organisers have locked this meeting');
        if (event.scheduleStatus === 'final' && !organiser)
          throw new MeetingError(
            MeetingErrorCode.ScheduleFinal,
            'The schedule is final; ask the organisers to move it',
          );
        await this.lockApprovedDelegates(em, event.id, [meeting.registrationA, meeting.registrationB]);
        const board = await loadBoard(em, event, {
          registrationIds: [meeting.registrationA, meeting.registrationB],
          slot: change.slotIndex,
        });
        const schedule = new IncrementalSchedule({ ...board.input, requests: [] });
        schedule.release(meeting.id);
        const request = await em.getRepository(MeetingRequest).findOneByOrFail({ id: meeting.requestId });
        const placed = this.placeAt(board, schedule, request, change.slotIndex);
        await em.query('DELETE FROM meeting_seats WHERE meeting_id = ?', [meeting.id]);
        const slot = board.slots[placed.slot];
        Object.assign(meeting, {
          slotIndex: placed.slot,
          startsAt: slot.start,
          endsAt: slot.end,
          tableNo: placed.table,
          interpreterId: placed.interpreter ?? null,
        });
        meeting.sequence += 1;
        await this.insertSeats(em, meeting);
        await em.getRepository(Meeting).save(meeting);
        const a = board.delegates.get(meeting.registrationA)!;
        const b = board.delegates.get(meeting.registrationB)!;
        await this.outbox.replaceSubject(
          em,
          meetingSubject(meeting.id),
          [REMINDER],
          meetingReminders(event, meeting, a, b, this.baseUrl),
        );
        await this.mailBoth(em, event, board, meeting, 'meeting-moved', null);
      } else {
        await em.getRepository(Meeting).save(meeting);
      }
      return meeting;
    });
  }

  /** Cancel a meeting: its seats free up, its reminders go, and waiting accepted requests refill the gap. */
  async cancelMeeting(eventId: string, meetingId: string, user: AuthUser): Promise<Meeting> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.lockVisibleEvent(em, eventId, user);
      const { meeting, organiser } = await this.meetingFor(em, event, meetingId, user);
      if (meeting.status !== 'scheduled')
        throw new MeetingError(MeetingErrorCode.MeetingCancelled, 'This meeting is already cancelled');
      if (meeting.locked && !organiser)
        throw new MeetingError(MeetingErrorCode.MeetingLocked, 'The organisers have locked this meeting');
      const board = await loadBoard(em, event);
      meeting.status = 'cancelled';
      meeting.sequence += 1;
      await em.getRepository(Meeting).save(meeting);
      await em.query('DELETE FROM meeting_seats WHERE meeting_id = ?', [meeting.id]);
      await em
        .getRepository(MeetingRequest)
        .update({ id: meeting.requestId }, { status: 'cancelled', activePair: null });
      await this.outbox.cancelSubject(em, meetingSubject(meeting.id));
      // Both delegates get the CANCEL, the one who cancelled too: their calendars must agree.
      await this.mailBoth(em, event, board, meeting, 'meeting-cancelled', null);
      // Refill: the waiting requests (oldest acceptance first) may now fit; no existing meeting moves.
      const refills = new IncrementalSchedule(board.input).cancel(meeting.id);
      for (const placed of refills) {
        const request = board.waiting.get(placed.id)!;
        const refilled = await this.writeMeeting(em, event, board, request, placed);
        await this.mailBoth(em, event, board, refilled, 'meeting-scheduled', null);
      }
      return meeting;
    });
  }

  /**
   * A registration is being rejected or cancelled (announced by registrations
   * inside its transaction, the event row locked, the status not yet changed):
   * its pending requests and those waiting for a slot are withdrawn, its
   * meetings cancelled (both sides get the CANCEL, reminders go), and waiting
   * requests refill the freed slots, as a cancellation by hand does.
   */
  async releaseWithdrawn(em: EntityManager, event: Event, registrationId: string): Promise<void> {
    // step 2 of the lock order: the registration itself
    await em.query('SELECT id FROM registrations WHERE id = ? FOR UPDATE', [registrationId]);
    await em.query(
      `UPDATE meeting_requests r SET r.status = 'cancelled', r.active_pair = NULL, r.responded_at = NOW(3)
        WHERE r.event_id = ? AND (r.from_registration_id = ? OR r.to_registration_id = ?)
          AND (r.status = 'pending' OR (r.status = 'accepted'
               AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status = 'scheduled')))`,
      [event.id, registrationId, registrationId],
    );
    const meetings = await em.getRepository(Meeting).find({
      where: [
        { eventId: event.id, registrationA: registrationId, status: 'scheduled' },
        { eventId: event.id, registrationB: registrationId, status: 'scheduled' },
      ],
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    if (meetings.length === 0) return;
    const board = await loadBoard(em, event);
    for (const meeting of meetings) {
      meeting.status = 'cancelled';
      meeting.sequence += 1;
      await em.getRepository(Meeting).save(meeting);
      await em.query('DELETE FROM meeting_seats WHERE meeting_id = ?', [meeting.id]);
      await em
        .getRepository(MeetingRequest)
        .update({ id: meeting.requestId }, { status: 'cancelled', activePair: null });
      await this.outbox.cancelSubject(em, meetingSubject(meeting.id));
      await this.mailBoth(em, event, board, meeting, 'meeting-cancelled', null);
    }
    const schedule = new IncrementalSchedule(board.input);
    for (const meeting of meetings) {
      for (const placed of schedule.cancel(meeting.id)) {
        const request = board.waiting.get(placed.id)!;
        const refilled = await this.writeMeeting(em, event, board, request, placed);
        await this.mailBoth(em, event, board, refilled, 'meeting-scheduled', null);
      }
    }
  }

  async recordOutcome(
    eventId: string,
    meetingId: string,
    user: AuthUser,
    input: OutcomeInput,
  ): Promise<MeetingOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.getVisibleEvent(eventId, user, em);
      const meeting = await this.findMeeting(em, event.id, meetingId);
      const own = await this.delegateOf(em, meeting, user);
      if (!own) throw new MeetingError(MeetingErrorCode.MeetingNotFound, 'Meeting not found');
      if (meeting.status !== 'scheduled' || meeting.startsAt.getTime() > Date.now()) {
        throw new MeetingError(
          MeetingErrorCode.MeetingNotHeld,
          'An outcome can be recorded once the meeting has taken place',
        );
      }
      const repo = em.getRepository(MeetingOutcome);
      const outcome = repo.create({
        meetingId: meeting.id,
        registrationId: own.id,
        rating: input.rating,
        notes: input.notes ?? null,
        followUp: input.followUp ?? null,
        agreementExpected: input.agreementExpected ?? false,
      });
      await repo.save(outcome);
      return outcome;
    });
  }

  async setAvailability(
    eventId: string,
    registrationId: string,
    windows: Array<{ start: string; end: string }> | null,
  ): Promise<void> {
    await this.dataSource.query('UPDATE registrations SET availability = ? WHERE id = ? AND event_id = ?', [
      windows === null ? null : JSON.stringify(windows),
      registrationId,
      eventId,
    ]);
  }

  /** Organisers: every meeting of the event. */
  listMeetings(eventId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .find({ where: { eventId, status: 'scheduled' }, order: { startsAt: 'ASC', tableNo: 'ASC' } });
  }

  /**
   * A user's scheduled meetings across events, soonest first, with the other
   * delegate and the zone the user registered with for that event.
   */
  async myMeetings(userId: string): Promise<
    Array<{
      meeting: Meeting;
      event: { id: string; name: string; timeZone: string };
      other: Delegate;
      viewerTimeZone: string;
    }>
  > {
    const rows: Array<{ id: string; event_id: string; own: string; own_zone: string }> = await this.dataSource.query(
      `SELECT m.id, m.event_id, r.id AS own, r.time_zone AS own_zone FROM meetings m JOIN registrations r ON r.id IN (m.registration_a, m.registration_b)
        WHERE r.user_id = ? AND r.status = 'approved' AND m.status = 'scheduled' ORDER BY m.starts_at, m.id`,
      [userId],
    );
    if (rows.length === 0) return [];
    const meetings = await this.dataSource.getRepository(Meeting).findBy({ id: In(rows.map((r) => r.id)) });
    const events = await this.dataSource
      .getRepository(Event)
      .findBy({ id: In([...new Set(rows.map((r) => r.event_id))]) });
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    const otherOf = (row: (typeof rows)[number]): string => {
      const m = meetingById.get(row.id)!;
      return m.registrationA === row.own ? m.registrationB : m.registrationA;
    };
    // The other delegates, one query per event rather than one per meeting.
    const others = new Map<string, Delegate>();
    for (const event of events) {
      const ids = rows.filter((r) => r.event_id === event.id).map(otherOf);
      for (const [id, d] of await loadDelegates(this.dataSource.manager, event.id, ids)) others.set(id, d);
    }
    const out = [];
    for (const row of rows) {
      const event = eventById.get(row.event_id)!;
      const other = others.get(otherOf(row));
      if (other)
        out.push({
          meeting: meetingById.get(row.id)!,
          event: { id: event.id, name: event.name, timeZone: event.timeZone },
          other,
          viewerTimeZone: row.own_zone,
        });
    }
    return out;
  }

  // ---- helpers ----------------------------------------------------------------

  /**
   * Insert the meeting and its seats; a seat already taken is SLOT_TAKEN.
   * Reminders are written too, and the request loses its unscheduled reason.
   */
  async writeMeeting(
    em: EntityManager,
    event: Event,
    board: MeetingBoard,
    request: MeetingRequest,
    placed: PinnedMeeting,
  ): Promise<Meeting> {
    const slot = board.slots[placed.slot];
    const meeting = em.getRepository(Meeting).create({
      id: newId(),
      eventId: event.id,
      requestId: request.id,
      registrationA: request.fromRegistrationId,
      registrationB: request.toRegistrationId,
      slotIndex: placed.slot,
      startsAt: slot.start,
      endsAt: slot.end,
      tableNo: placed.table,
      interpreterId: placed.interpreter ?? null,
      status: 'scheduled',
      locked: false,
      sequence: 0,
    });
    await em.getRepository(Meeting).insert(meeting);
    await this.insertSeats(em, meeting);
    if (request.unscheduledReason !== null) {
      request.unscheduledReason = null;
      await em.getRepository(MeetingRequest).update({ id: request.id }, { unscheduledReason: null });
    }
    const a = board.delegates.get(meeting.registrationA)!;
    const b = board.delegates.get(meeting.registrationB)!;
    await this.outbox.enqueue(em, ...meetingReminders(event, meeting, a, b, this.baseUrl));
    return meeting;
  }

  private async insertSeats(em: EntityManager, meeting: Meeting): Promise<void> {
    const seats: Array<[string, string]> = [
      ['d', meeting.registrationA],
      ['d', meeting.registrationB],
      ['t', String(meeting.tableNo)],
    ];
    if (meeting.interpreterId) seats.push(['i', meeting.interpreterId]);
    try {
      await em.query(
        `INSERT INTO meeting_seats (event_id, slot_index, kind, ref, meeting_id) VALUES ${seats.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        seats.flatMap(([kind, ref]) => [meeting.eventId, meeting.slotIndex, kind, ref, meeting.id]),
      );
    } catch (error) {
      if (isDuplicateKey(error)) throw new MeetingError(MeetingErrorCode.SlotTaken, 'That slot was just taken');
      throw error;
    }
  }

  /**
   * The common refusals answered from the seats alone, before the whole event
   * is loaded: when many delegates race for one slot, the losers learn it at once.
   */
  private async quickSlotCheck(
    em: EntityManager,
    event: Event,
    request: MeetingRequest,
    slotIndex: number,
  ): Promise<void> {
    const rows: Array<{ delegates: string; tables: string }> = await em.query(
      `SELECT SUM(kind = 'd' AND ref IN (?, ?)) AS delegates, SUM(kind = 't') AS tables FROM meeting_seats WHERE event_id = ? AND slot_index = ?`,
      [request.fromRegistrationId, request.toRegistrationId, event.id, slotIndex],
    );
    const fixed: Array<{ n: string }> = await em.query('SELECT COUNT(*) AS n FROM fixed_tables WHERE event_id = ?', [
      event.id,
    ]);
    if (Number(rows[0]?.delegates ?? 0) > 0)
      throw new MeetingError(MeetingErrorCode.SlotTaken, 'One of you already has a meeting in that slot');
    if (Number(fixed[0].n) === 0 && Number(rows[0]?.tables ?? 0) >= event.meetingSettings.tables) {
      throw new MeetingError(MeetingErrorCode.SlotTaken, 'Every table is taken in that slot');
    }
  }

  private placeAt(
    board: MeetingBoard,
    schedule: IncrementalSchedule,
    request: MeetingRequest,
    slotIndex: number,
  ): PinnedMeeting {
    if (!Number.isInteger(slotIndex) || slotIndex < 0 || slotIndex >= board.slots.length) {
      throw new MeetingError(MeetingErrorCode.InvalidSlot, `slotIndex must be between 0 and ${board.slots.length - 1}`);
    }
    const wanted = toSchedulerRequest(request, board.delegates);
    const placed = schedule.placeAt(wanted, slotIndex);
    if (placed) return placed;
    const available = (id: string) => {
      const d = board.input.delegates.find((x) => x.id === id);
      return d?.available === null || Boolean(d?.available?.includes(slotIndex));
    };
    if (!available(request.fromRegistrationId) || !available(request.toRegistrationId)) {
      throw new MeetingError(MeetingErrorCode.SlotUnavailable, 'One of you is not available in that slot');
    }
    throw new MeetingError(
      MeetingErrorCode.SlotTaken,
      'That slot is taken: one of you, every table or every interpreter is busy then, or a meeting cap is reached',
    );
  }

  /** The same mail about a meeting to both its delegates (except the one who caused it, when named). */
  async mailBoth(
    em: EntityManager,
    event: Event,
    board: MeetingBoard,
    meeting: Meeting,
    type: string,
    except: string | null,
  ): Promise<void> {
    const a = board.delegates.get(meeting.registrationA);
    const b = board.delegates.get(meeting.registrationB);
    if (!a || !b) return;
    const interpreterName = interpreterNameOf(board, meeting);
    const mails = [
      [a, b],
      [b, a],
    ]
      .filter(([to]) => to.registrationId !== except)
      .map(([to, other]) =>
        meetingMail({ event, type, factId: meeting.id, to, other, meeting, interpreterName, baseUrl: this.baseUrl }),
      );
    await this.outbox.enqueue(em, ...mails);
  }

  private callerRegistration(board: MeetingBoard, user: AuthUser): string | null {
    for (const d of board.delegates.values()) if (d.userId === user.id) return d.registrationId;
    return null;
  }

  private async lockVisibleEvent(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    await this.access.getVisibleEvent(eventId, user, em);
    return this.access.lockEvent(em, eventId);
  }

  private async shareLockVisibleEvent(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    await this.access.getVisibleEvent(eventId, user, em);
    return this.access.shareLockEvent(em, eventId);
  }

  /**
   * Step 2 of the lock order: the delegates' registrations, in id order, read
   * again under the lock; one that is no longer approved ends the use case
   * with a 403 instead of a half-written meeting or mail.
   */
  private async lockApprovedDelegates(em: EntityManager, eventId: string, ids: string[]): Promise<void> {
    const sorted = [...new Set(ids)].sort();
    const rows: Array<{ id: string; status: string }> = await em.query(
      `SELECT id, status FROM registrations WHERE event_id = ? AND id IN (${sorted.map(() => '?').join(', ')})
        ORDER BY id FOR UPDATE`,
      [eventId, ...sorted],
    );
    if (rows.length !== sorted.length || rows.some((r) => r.status !== 'approved')) throw notApproved();
  }

  /** Step 4 of the lock order: the slot's row, created on first use. */
  private async lockSlot(em: EntityManager, eventId: string, slotIndex: number): Promise<void> {
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
  private async expireStaleOf(em: EntityManager, eventId: string, own: string, pairKey: string): Promise<void> {
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

  /** Expire in a transaction of its own, so the expiry stays even when the caller's action is then refused. */
  private async expireNow(eventId: string): Promise<void> {
    if (ID_PATTERN.test(eventId)) await inTransaction(this.dataSource, (em) => this.expireStale(em, eventId));
  }

  /** Pending requests whose time ran out become expired. */
  private async expireStale(em: EntityManager, eventId: string): Promise<void> {
    await em.query(
      "UPDATE meeting_requests SET status = 'expired', active_pair = NULL WHERE event_id = ? AND status = 'pending' AND expires_at <= ?",
      [eventId, new Date()],
    );
  }

  private async findRequestFor(eventId: string, requestId: string, user: AuthUser): Promise<MeetingRequest> {
    const event = await this.access.getVisibleEvent(eventId, user);
    return this.requestFor(this.dataSource.manager, event, requestId, user, 'either');
  }

  /** The request if the caller is the named side of it (an outsider learns nothing: 404). */
  private async requestFor(
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
      if (side === 'either' && (await this.access.isOrganiser(event.id, user, em))) return request;
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

  private async pendingRequestFor(
    em: EntityManager,
    event: Event,
    requestId: string,
    user: AuthUser,
    side: 'from' | 'to',
  ): Promise<MeetingRequest> {
    const request = await this.requestFor(em, event, requestId, user, side);
    if (request.status === 'pending' && request.expiresAt.getTime() <= Date.now()) {
      await em.getRepository(MeetingRequest).update({ id: request.id }, { status: 'expired', activePair: null });
      request.status = 'expired';
    }
    if (request.status === 'expired')
      throw new MeetingError(
        MeetingErrorCode.RequestExpired,
        `The request expired at ${request.expiresAt.toISOString()}`,
      );
    if (request.status !== 'pending')
      throw new MeetingError(MeetingErrorCode.RequestNotPending, `The request is ${request.status}, not pending`);
    return request;
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
    await this.expireNow(eventId);
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.lockVisibleEvent(em, eventId, user);
      const request =
        from[0] === 'pending' && side !== 'either'
          ? await this.pendingRequestFor(em, event, requestId, user, side)
          : await this.requestFor(em, event, requestId, user, side);
      if (!from.includes(request.status))
        throw new MeetingError(MeetingErrorCode.RequestNotPending, `The request is ${request.status}`);
      request.status = status;
      request.activePair = null;
      request.respondedAt = new Date();
      await em.getRepository(MeetingRequest).save(request);
      const people = await loadDelegates(em, event.id, [request.fromRegistrationId, request.toRegistrationId]);
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

  private async findMeeting(em: EntityManager, eventId: string, meetingId: string): Promise<Meeting> {
    const meeting = ID_PATTERN.test(meetingId)
      ? await em.getRepository(Meeting).findOneBy({ id: meetingId, eventId })
      : null;
    if (!meeting) throw new MeetingError(MeetingErrorCode.MeetingNotFound, 'Meeting not found');
    return meeting;
  }

  /** The meeting if the caller is one of its delegates or an organiser; others get 404. */
  private async meetingFor(
    em: EntityManager,
    event: Event,
    meetingId: string,
    user: AuthUser,
  ): Promise<{ meeting: Meeting; organiser: boolean }> {
    const meeting = await this.findMeeting(em, event.id, meetingId);
    const organiser = await this.access.isOrganiser(event.id, user, em);
    if (!organiser && !(await this.delegateOf(em, meeting, user))) {
      throw new MeetingError(MeetingErrorCode.MeetingNotFound, 'Meeting not found');
    }
    return { meeting, organiser };
  }

  /** The caller's registration if they are one of the meeting's two delegates. */
  private async delegateOf(em: EntityManager, meeting: Meeting, user: AuthUser): Promise<Registration | null> {
    const own = await this.registrations.findOwn(meeting.eventId, user.id, em);
    return own && (own.id === meeting.registrationA || own.id === meeting.registrationB) ? own : null;
  }

  /** The other side of a meeting with `own`: an approved delegate of the same event, not `own`. */
  private async approvedCounterpart(
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
}

const notApproved = (): RegistrationError =>
  new RegistrationError(
    RegistrationErrorCode.NotApprovedDelegate,
    'That delegate is not an approved delegate of this event',
  );
