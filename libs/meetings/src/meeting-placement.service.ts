/**
 * Placing meetings: accept, book, move, cancel with its refill, the
 * scheduling run's writes and the release of a withdrawn delegate.
 * Size (~460 lines): one use case family sharing the board, the lock order and
 * the slot-lock/seat writes; splitting it would spread one lock discipline over
 * several files.
 */
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { Event, EventAccessService } from '@roundtable/events';
import { OutboxMessage, OutboxService } from '@roundtable/notifications';
import { RegistrationAccessService } from '@roundtable/registrations';
import { IncrementalSchedule, PinnedMeeting } from '@roundtable/scheduler';
import { DataSource, EntityManager } from 'typeorm';
import { Meeting, MeetingOutcome, MeetingRequest } from './entities';
import { MeetingAccessService, notApproved } from './meeting-access.service';
import {
  interpreterNameOf,
  EventMeetingState,
  EventMeetingStateLoader,
  EventTablesRow,
  capCanBind,
  toSchedulerRequest,
} from './event-meeting-state';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { MeetingRequestRow, requestOfRow } from './meeting-rows';
import { meetingMail, meetingReminders, meetingSubject, REMINDER } from './meeting-mail';
import { slotGrid } from './slot-grid';

/** The seats already taken in the slot a booking wants (see lockForBooking). */
interface SlotSeats {
  /** Of the two delegates'. */
  delegatesBusy: number;
  tablesTaken: number;
  /** Whether the event reserves fixed tables for some companies (then a full count does not say every table is taken). */
  fixedTables: boolean;
}

export interface OutcomeInput {
  rating: number;
  notes?: string | null;
  followUp?: string | null;
  agreementExpected?: boolean;
}

/**
 * Placing meetings in the slot grid: accept (earliest slot both can make),
 * book a chosen slot, move, lock, cancel (and refill), and the outcome after.
 * Every change that touches the grid runs under the event's row lock and checks
 * itself against the scheduler's view of the event; the `meeting_seats`
 * primary key stops any double booking that slipped past anyway.
 */
@Injectable()
export class MeetingPlacementService {
  private readonly baseUrl: string;

  constructor(
    private readonly boards: EventMeetingStateLoader,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
    private readonly access: MeetingAccessService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /**
   * The recipient accepts: the meeting goes into the sender's preferred slot when it still works, else the
   * earliest slot both can make, or waits with a reason.
   */
  async accept(
    eventId: string,
    requestId: string,
    user: AuthUser,
  ): Promise<{ request: MeetingRequest; meeting: Meeting | null }> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.lockVisibleEvent(em, eventId, user);
      const request = await this.access.pendingRequestFor(em, event, requestId, user, 'to');
      await this.access.lockApprovedDelegates(em, event.id, [request.fromRegistrationId, request.toRegistrationId]);
      request.status = 'accepted';
      request.respondedAt = new Date();
      const board = await this.boards.load(em, event);
      const schedule = new IncrementalSchedule(board.input);
      const wanted = toSchedulerRequest(request, board.delegates);
      // The sender's preferred slot first, when it still works for both; else the earliest that does.
      const preferred =
        request.preferredSlotIndex !== null && request.preferredSlotIndex < board.slots.length
          ? schedule.placeAt(wanted, request.preferredSlotIndex)
          : null;
      const placed = preferred ? { placed: preferred, reason: null } : schedule.insert(wanted);
      request.unscheduledReason = placed.placed ? null : placed.reason;
      await em.getRepository(MeetingRequest).save(request);
      const mails: OutboxMessage<object>[] = [];
      const meeting = placed.placed ? await this.writeMeeting(em, event, board, request, placed.placed, mails) : null;
      const from = board.delegates.get(request.fromRegistrationId)!;
      const to = board.delegates.get(request.toRegistrationId)!;
      mails.push(
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
      if (meeting) mails.push(...this.mailsToBoth(event, board, meeting, 'meeting-scheduled', from.registrationId));
      await this.outbox.enqueue(em, ...mails);
      return { request, meeting };
    });
  }

  /**
   * Slots the caller and another delegate can both make now, with a free table
   * (and interpreter when needed). Read from one snapshot (REPEATABLE READ), so
   * a registration cancelled meanwhile is either approved in every read or in
   * none.
   */
  async commonSlots(
    eventId: string,
    user: AuthUser,
    withRegistrationId: string | undefined,
  ): Promise<Array<{ index: number; start: Date; end: Date }>> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const event = await this.events.getVisibleEvent(eventId, user, em);
      const own = await this.registrations.requireApproved(event.id, user, em);
      // The grid a delegate marks their availability on: every slot, busy or not.
      if (withRegistrationId === undefined) return slotGrid(event.meetingSettings, event.timeZone);
      const other = await this.access.approvedCounterpart(
        em,
        own,
        withRegistrationId,
        'with must be another delegate, not you',
      );
      const board = await this.boards.load(em, event);
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
      // Locks only what a booking depends on (see the lock order in MeetingAccessService):
      // the event shared, the two delegates, the request, the slot.
      const event = await this.access.shareLockVisibleEvent(em, eventId, user);
      const found = await this.access.requestFor(em, event, requestId, user, 'either');
      const delegates = [found.fromRegistrationId, found.toRegistrationId];
      const slotCount = slotGrid(event.meetingSettings, event.timeZone).length;
      // The two's other meetings decide only their cap: every other check is of the wanted slot (under
      // its lock) or of rows that do not change under these locks. When the cap cannot bind, the two are
      // locked shared (and their meetings not read): bookings of one delegate in different slots then go
      // on together, and a withdrawal (FOR UPDATE) still waits for them. When it can, FOR UPDATE, so two
      // bookings never both count the same meetings as under the cap.
      const capBinds = capCanBind(event.meetingSettings, slotCount);
      // Steps 2 and 3 of the lock order sent together, and after them the reads of everything those
      // locks keep still (the two delegates, and their meetings when the cap binds): the connection runs
      // them in the order sent, and the caller waits once for them all. The slot's lock waits for none of it.
      const locked = Promise.all([
        this.access.lockApprovedDelegates(em, event.id, delegates, capBinds ? 'update' : 'share'),
        this.lockForBooking(em, found.id, slotIndex),
      ]);
      const [[, { request, scheduled, seats }], focused] = await Promise.all([
        locked,
        this.boards.loadDelegates(
          em,
          event,
          delegates,
          locked.then(([, booking]) => booking.fixedTables),
        ),
      ]);
      if (request.status !== 'accepted')
        throw new MeetingError(MeetingErrorCode.NotAccepted, `The request is ${request.status}, not accepted`);
      if (scheduled) {
        throw new MeetingError(MeetingErrorCode.AlreadyScheduled, 'This meeting is already scheduled; move it instead');
      }
      if (!Number.isInteger(slotIndex) || slotIndex < 0 || slotIndex >= slotCount)
        throw new MeetingError(MeetingErrorCode.InvalidSlot, `slotIndex must be between 0 and ${slotCount - 1}`);
      this.quickSlotCheck(event, seats);
      // Bookings of one slot queue for its lock, so what follows it takes as few round trips as it can:
      // statements sent together on the transaction's connection run in order (the slot's meetings are
      // read once its lock is granted), and the caller waits once for them all.
      const [, board] = await Promise.all([
        this.access.lockSlot(em, event.id, slotIndex),
        this.boards.onSlot(em, focused, slotIndex),
      ]);
      const placed = this.placeAt(board, new IncrementalSchedule({ ...board.input, requests: [] }), request, slotIndex);
      const mails: OutboxMessage<object>[] = [];
      const meeting = this.newMeeting(event, board, request, placed, mails);
      mails.push(
        ...this.mailsToBoth(event, board, meeting, 'meeting-scheduled', this.access.callerRegistration(board, user)),
      );
      await Promise.all([...this.insertMeeting(em, meeting, request), this.outbox.enqueue(em, ...mails)]);
      return meeting;
    });
  }

  /** Move a meeting to another slot, or lock/unlock it (organisers only). */
  async update(
    eventId: string,
    meetingId: string,
    user: AuthUser,
    change: { slotIndex?: number; tableNo?: number; locked?: boolean },
  ): Promise<Meeting> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.lockVisibleEvent(em, eventId, user);
      const { meeting, organiser } = await this.access.meetingFor(em, event, meetingId, user);
      if (meeting.status !== 'scheduled')
        throw new MeetingError(MeetingErrorCode.MeetingCancelled, 'This meeting is cancelled');
      if (change.locked !== undefined) {
        if (!organiser) throw new CommonError(CommonErrorCode.Forbidden, 'Only organisers lock or unlock meetings');
        meeting.locked = change.locked;
      }
      if (change.tableNo !== undefined && !organiser)
        throw new CommonError(CommonErrorCode.Forbidden, 'Only organisers choose the table');
      const slotIndex = change.slotIndex ?? meeting.slotIndex;
      const moves =
        slotIndex !== meeting.slotIndex || (change.tableNo !== undefined && change.tableNo !== meeting.tableNo);
      if (moves) {
        if (change.tableNo !== undefined && change.tableNo > event.meetingSettings.tables)
          throw new MeetingError(
            MeetingErrorCode.InvalidTable,
            `tableNo must be between 1 and ${event.meetingSettings.tables}`,
          );
        if (meeting.locked && !organiser)
          throw new MeetingError(MeetingErrorCode.MeetingLocked, 'The organisers have locked this meeting');
        if (event.scheduleStatus === 'final' && !organiser)
          throw new MeetingError(
            MeetingErrorCode.ScheduleFinal,
            'The schedule is final; ask the organisers to move it',
          );
        await this.access.lockApprovedDelegates(em, event.id, [meeting.registrationA, meeting.registrationB]);
        const board = await this.boards.load(em, event, {
          registrationIds: [meeting.registrationA, meeting.registrationB],
          slot: slotIndex,
        });
        const schedule = new IncrementalSchedule({ ...board.input, requests: [] });
        schedule.release(meeting.id);
        const request = await em.getRepository(MeetingRequest).findOneByOrFail({ id: meeting.requestId });
        const placed = this.placeAt(board, schedule, request, slotIndex);
        if (change.tableNo !== undefined) placed.table = this.chosenTable(board, meeting, slotIndex, change.tableNo);
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
        await this.outbox.enqueue(em, ...this.mailsToBoth(event, board, meeting, 'meeting-moved', null));
      } else {
        await em.getRepository(Meeting).save(meeting);
      }
      return meeting;
    });
  }

  /** Cancel a meeting: its seats free up, its reminders go, and waiting accepted requests refill the gap. */
  async cancelMeeting(eventId: string, meetingId: string, user: AuthUser): Promise<Meeting> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.lockVisibleEvent(em, eventId, user);
      const { meeting, organiser } = await this.access.meetingFor(em, event, meetingId, user);
      if (meeting.status !== 'scheduled')
        throw new MeetingError(MeetingErrorCode.MeetingCancelled, 'This meeting is already cancelled');
      if (meeting.locked && !organiser)
        throw new MeetingError(MeetingErrorCode.MeetingLocked, 'The organisers have locked this meeting');
      const board = await this.boards.load(em, event);
      meeting.status = 'cancelled';
      meeting.sequence += 1;
      await em.getRepository(Meeting).save(meeting);
      await em.query('DELETE FROM meeting_seats WHERE meeting_id = ?', [meeting.id]);
      await em
        .getRepository(MeetingRequest)
        .update({ id: meeting.requestId }, { status: 'cancelled', activePair: null });
      await this.outbox.cancelSubject(em, meetingSubject(meeting.id));
      // Both delegates get the CANCEL, the one who cancelled too: their calendars must agree.
      const mails = this.mailsToBoth(event, board, meeting, 'meeting-cancelled', null);
      // Refill: the waiting requests (oldest acceptance first) may now fit; no existing meeting moves.
      const refills = new IncrementalSchedule(board.input).cancel(meeting.id);
      for (const placed of refills) {
        const request = board.waiting.get(placed.id)!;
        const refilled = await this.writeMeeting(em, event, board, request, placed, mails);
        mails.push(...this.mailsToBoth(event, board, refilled, 'meeting-scheduled', null));
      }
      await this.outbox.enqueue(em, ...mails);
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
    await this.registrations.lockStatuses(em, event.id, [registrationId]);
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
    const board = await this.boards.load(em, event);
    const mails: OutboxMessage<object>[] = [];
    for (const meeting of meetings) {
      meeting.status = 'cancelled';
      meeting.sequence += 1;
      await em.getRepository(Meeting).save(meeting);
      await em.query('DELETE FROM meeting_seats WHERE meeting_id = ?', [meeting.id]);
      await em
        .getRepository(MeetingRequest)
        .update({ id: meeting.requestId }, { status: 'cancelled', activePair: null });
      await this.outbox.cancelSubject(em, meetingSubject(meeting.id));
      mails.push(...this.mailsToBoth(event, board, meeting, 'meeting-cancelled', null));
    }
    const schedule = new IncrementalSchedule(board.input);
    for (const meeting of meetings) {
      for (const placed of schedule.cancel(meeting.id)) {
        const request = board.waiting.get(placed.id)!;
        const refilled = await this.writeMeeting(em, event, board, request, placed, mails);
        mails.push(...this.mailsToBoth(event, board, refilled, 'meeting-scheduled', null));
      }
    }
    await this.outbox.enqueue(em, ...mails);
  }

  async recordOutcome(
    eventId: string,
    meetingId: string,
    user: AuthUser,
    input: OutcomeInput,
  ): Promise<MeetingOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.events.getVisibleEvent(eventId, user, em);
      const meeting = await this.access.findMeeting(em, event.id, meetingId);
      const own = await this.access.delegateOf(em, meeting, user);
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

  /**
   * Insert the meeting and its seats; a seat already taken is SLOT_TAKEN. The
   * request loses its unscheduled reason; the meeting's reminders are added to
   * `mails`, which the caller writes to the outbox in one call.
   */
  async writeMeeting(
    em: EntityManager,
    event: Event,
    board: EventMeetingState,
    request: MeetingRequest,
    placed: PinnedMeeting,
    mails: OutboxMessage<object>[],
  ): Promise<Meeting> {
    const meeting = this.newMeeting(event, board, request, placed, mails);
    await Promise.all(this.insertMeeting(em, meeting, request));
    return meeting;
  }

  /** The meeting `placed` describes, not yet written; its reminders are added to `mails`. */
  private newMeeting(
    event: Event,
    board: EventMeetingState,
    request: MeetingRequest,
    placed: PinnedMeeting,
    mails: OutboxMessage<object>[],
  ): Meeting {
    const slot = board.slots[placed.slot];
    const now = new Date();
    const meeting = Object.assign(new Meeting(), {
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
      createdAt: now,
      updatedAt: now,
    });
    const a = board.delegates.get(meeting.registrationA)!;
    const b = board.delegates.get(meeting.registrationB)!;
    mails.push(...meetingReminders(event, meeting, a, b, this.baseUrl));
    return meeting;
  }

  /**
   * Sends the statements writing `meeting`: the row, its seats (a seat
   * already taken is SLOT_TAKEN) and, when the request had one, the end of its
   * unscheduled reason. They are sent together, without waiting for each
   * other (one connection runs them in order): the caller awaits them all,
   * with any statement of its own sent right after.
   */
  private insertMeeting(em: EntityManager, meeting: Meeting, request: MeetingRequest): Promise<unknown>[] {
    // One plain INSERT: the repository's would read the row back for its defaults, which are all set here.
    const written: Promise<unknown>[] = [
      em.query(
        `INSERT INTO meetings (id, event_id, request_id, registration_a, registration_b, slot_index, starts_at, ends_at,
           table_no, interpreter_id, status, locked, sequence, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          meeting.id,
          meeting.eventId,
          meeting.requestId,
          meeting.registrationA,
          meeting.registrationB,
          meeting.slotIndex,
          meeting.startsAt,
          meeting.endsAt,
          meeting.tableNo,
          meeting.interpreterId,
          meeting.status,
          meeting.locked,
          meeting.sequence,
          meeting.createdAt,
          meeting.updatedAt,
        ],
      ),
      this.insertSeats(em, meeting),
    ];
    if (request.unscheduledReason !== null) {
      request.unscheduledReason = null;
      written.push(em.query('UPDATE meeting_requests SET unscheduled_reason = NULL WHERE id = ?', [request.id]));
    }
    return written;
  }

  /** The same mail about a meeting to both its delegates (except the one who caused it, when named). */
  mailsToBoth(
    event: Event,
    board: EventMeetingState,
    meeting: Meeting,
    type: string,
    except: string | null,
  ): OutboxMessage<object>[] {
    const a = board.delegates.get(meeting.registrationA);
    const b = board.delegates.get(meeting.registrationB);
    if (!a || !b) return [];
    const interpreterName = interpreterNameOf(board, meeting);
    return [
      [a, b],
      [b, a],
    ]
      .filter(([to]) => to.registrationId !== except)
      .map(([to, other]) =>
        meetingMail({ event, type, factId: meeting.id, to, other, meeting, interpreterName, baseUrl: this.baseUrl }),
      );
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
   * Step 3 of the lock order for a booking: the request locked (FOR UPDATE),
   * read in the same statement as what the booking refuses on before loading
   * anything else: whether the request already has a meeting, and the seats
   * taken in the wanted slot; and the event's fixed tables, which the board
   * needs next. The subqueries are plain reads (a locking clause covers only
   * the outer table), made under the delegates' locks.
   */
  private async lockForBooking(
    em: EntityManager,
    requestId: string,
    slotIndex: number,
  ): Promise<{ request: MeetingRequest; scheduled: boolean; seats: SlotSeats; fixedTables: Map<string, number> }> {
    type Row = MeetingRequestRow &
      EventTablesRow & {
        scheduled: number | string;
        delegates_busy: number | string;
        tables_taken: number | string;
      };
    const [row] = await em.query<Row[]>(
      `SELECT q.*,
              EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = q.id AND m.status = 'scheduled') AS scheduled,
              (SELECT COUNT(*) FROM meeting_seats s WHERE s.event_id = q.event_id AND s.slot_index = ? AND s.kind = 'd'
                  AND s.ref IN (q.from_registration_id, q.to_registration_id)) AS delegates_busy,
              (SELECT COUNT(*) FROM meeting_seats s WHERE s.event_id = q.event_id AND s.slot_index = ?
                  AND s.kind = 't') AS tables_taken,
              ${this.boards.tablesColumns('q.event_id')}
         FROM meeting_requests q WHERE q.id = ? FOR UPDATE`,
      [slotIndex, slotIndex, requestId],
    );
    const fixedTables = this.boards.fixedTablesOfRow(row);
    return {
      request: requestOfRow(row),
      scheduled: Number(row.scheduled) === 1,
      seats: {
        delegatesBusy: Number(row.delegates_busy),
        tablesTaken: Number(row.tables_taken),
        fixedTables: fixedTables.size > 0,
      },
      fixedTables,
    };
  }

  /**
   * The common refusals answered from the seats alone, before the whole event
   * is loaded: when many delegates race for one slot, the losers learn it at once.
   */
  private quickSlotCheck(event: Event, seats: SlotSeats): void {
    if (seats.delegatesBusy > 0)
      throw new MeetingError(MeetingErrorCode.SlotTaken, 'One of you already has a meeting in that slot');
    if (!seats.fixedTables && seats.tablesTaken >= event.meetingSettings.tables) {
      throw new MeetingError(MeetingErrorCode.SlotTaken, 'Every table is taken in that slot');
    }
  }

  /**
   * The organiser's table for a move, once the slot itself is known to work:
   * free in that slot, and not reserved for a company other than the two's.
   */
  private chosenTable(board: EventMeetingState, meeting: Meeting, slot: number, tableNo: number): number {
    if (board.input.pinned.some((p) => p.id !== meeting.id && p.slot === slot && p.table === tableNo))
      throw new MeetingError(MeetingErrorCode.SlotTaken, `Table ${tableNo} is taken in that slot`);
    const ours = new Set([meeting.registrationA, meeting.registrationB]);
    const reservedByOthers = board.input.delegates.some((d) => d.fixedTable === tableNo && !ours.has(d.id));
    const reservedByUs = board.input.delegates.some((d) => d.fixedTable === tableNo && ours.has(d.id));
    if (reservedByOthers && !reservedByUs)
      throw new MeetingError(MeetingErrorCode.TableTaken, `Table ${tableNo} is reserved for another company`);
    return tableNo;
  }

  private placeAt(
    board: EventMeetingState,
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
}
