import { Injectable } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { DelegateContact, DelegateLookupService } from '@roundtable/registrations';
import { PinnedMeeting, SchedulerDelegate, SchedulerInput, SchedulerRequest } from '@roundtable/scheduler';
import { EntityManager } from 'typeorm';
import { Interpreter, Meeting, MeetingRequest } from './entities';
import { meetingOfRow, MeetingRow } from './meeting-rows';
import { Slot, slotGrid, slotsAvoiding, slotsWithin } from './slot-grid';

/** An approved delegate as the meeting features need them (read through the registrations lib). */
export type Delegate = DelegateContact;

/** Everything the scheduler needs about one event, read in the caller's transaction. */
export interface EventMeetingState {
  slots: Slot[];
  delegates: Map<string, Delegate>;
  interpreters: Map<string, Interpreter>;
  /** The accepted requests still waiting for a slot (the rows behind `input.requests`). */
  waiting: Map<string, MeetingRequest>;
  input: SchedulerInput;
}

/** The language pair to interpret when two delegates share no language ("ru-zh"), or null when they do. */
export function interpreterPair(a: Delegate, b: Delegate): string | null {
  if (a.languages.some((l) => b.languages.includes(l))) return null;
  const pair = [a.languages[0] ?? 'en', b.languages[0] ?? 'en'].sort();
  return pair.join('-');
}

/** The name of the meeting's interpreter, if it has one. */
export function interpreterNameOf(board: EventMeetingState, meeting: Meeting | null): string | null {
  return meeting?.interpreterId ? (board.interpreters.get(meeting.interpreterId)?.name ?? null) : null;
}

export function toSchedulerRequest(request: MeetingRequest, delegates: Map<string, Delegate>): SchedulerRequest {
  const a = delegates.get(request.fromRegistrationId);
  const b = delegates.get(request.toRegistrationId);
  return {
    id: request.id,
    a: request.fromRegistrationId,
    b: request.toRegistrationId,
    priority: request.priority,
    interpreterPair: a && b ? interpreterPair(a, b) : null,
  };
}

const pinnedOf = (m: Meeting): PinnedMeeting => ({
  id: m.id,
  a: m.registrationA,
  b: m.registrationB,
  slot: m.slotIndex,
  table: m.tableNo,
  interpreter: m.interpreterId,
});

/**
 * What placing one meeting in one slot depends on: its two delegates (their
 * availability, caps and every meeting they have) and that slot's tables and
 * interpreters. A board loaded with a focus holds only that, so booking and
 * moving cost the same in a forum of 100 delegates as in one of 5,000.
 */
export interface BoardFocus {
  registrationIds: string[];
  slot: number;
}

/**
 * The part of a focused board that the locks on the event (shared) and on
 * the focus delegates already keep still: the grid, the fixed tables, the
 * interpreters, the focus delegates and their meetings. Read before the
 * slot is locked, so the slot is held only for what the slot itself decides.
 */
export interface FocusedDelegates {
  event: Event;
  slots: Slot[];
  registrationIds: string[];
  /** Fixed tables by company. */
  tableOf: Map<string, number>;
  /** The interpreter pool, oldest first, when the focus pair shares no language; else none (none is needed). */
  interpreters: Interpreter[];
  delegates: Map<string, Delegate>;
  /** The approved delegates of companies holding fixed tables (the board learns which tables are reserved from them). */
  fixedHolders: Array<{ registrationId: string; companyId: string }>;
  /**
   * Every scheduled meeting of a focus delegate when the event's cap can bind
   * (capCanBind); none otherwise, as they then decide nothing on a focused board.
   */
  meetings: Meeting[];
}

/**
 * Whether the event's cap on meetings per delegate can be reached: not when it
 * is no lower than the number of slots, as a delegate has at most one meeting a
 * slot (the `meeting_seats` key). Only then do a delegate's meetings in other
 * slots decide anything about placing one in a given slot.
 */
export function capCanBind(
  settings: Pick<Event['meetingSettings'], 'maxMeetingsPerDelegate'>,
  slotCount: number,
): boolean {
  return settings.maxMeetingsPerDelegate < slotCount;
}

/** The fixed tables (company → table) and the interpreter pool, oldest first: every board needs both. */
interface EventTables {
  tableOf: Map<string, number>;
  interpreters: Interpreter[];
}

/** The column `EventMeetingStateLoader.tablesColumns` adds to a row, read back by `fixedTablesOfRow`. */
export interface EventTablesRow {
  fixed_tables_json: string | unknown[] | null;
}

/** An interpreters row as `interpreterPool` reads it. */
interface InterpreterRow {
  id: string;
  event_id: string;
  name: string;
  email: string | null;
  pairs: string | string[];
  availability: string | Interpreter['availability'];
  created_at: Date;
}

/** A JSON value the database returned as text (MariaDB) or already parsed (MySQL's JSON type). */
const parsed = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Reads the event's meeting state in the caller's transaction; delegates come through the registrations lib. */
@Injectable()
export class EventMeetingStateLoader {
  constructor(private readonly delegateLookup: DelegateLookupService) {}

  /** The event's approved delegates (all, or those of `registrationIds`), by registration id. */
  async delegates(em: EntityManager, eventId: string, registrationIds?: string[]): Promise<Map<string, Delegate>> {
    const rows = await this.delegateLookup.approved(eventId, { registrationIds }, em);
    return new Map(rows.map((d) => [d.registrationId, d]));
  }

  /** A focused board: `loadDelegates`, then `onSlot`. */
  async load(em: EntityManager, event: Event, focus?: BoardFocus): Promise<EventMeetingState> {
    if (!focus) return this.loadWhole(em, event);
    return this.onSlot(em, await this.loadDelegates(em, event, focus.registrationIds), focus.slot);
  }

  /**
   * The first half of a focused board: what the focus delegates' locks keep
   * still (see FocusedDelegates). `fixedTablesRead` when the caller reads them
   * itself (tablesColumns). Its reads are sent without waiting for each other,
   * so a caller that locked the delegates by statements sent just before waits
   * for one round trip, and for one more only when the event has fixed tables
   * or the pair needs an interpreter: the holders of fixed tables are read once
   * there are known to be some, the interpreter pool once the two's languages
   * are known to differ. The two's meetings are read only when the cap can bind.
   */
  async loadDelegates(
    em: EntityManager,
    event: Event,
    registrationIds: string[],
    fixedTablesRead?: Map<string, number> | Promise<Map<string, number>>,
  ): Promise<FocusedDelegates> {
    const slots = slotGrid(event.meetingSettings, event.timeZone);
    const ids = registrationIds.map(() => '?').join(', ');
    const fixedTables = Promise.resolve(fixedTablesRead ?? this.fixedTables(em, event.id));
    const meetingRows = capCanBind(event.meetingSettings, slots.length)
      ? em.query<MeetingRow[]>(
          `SELECT * FROM meetings WHERE event_id = ? AND status = 'scheduled'
              AND (registration_a IN (${ids}) OR registration_b IN (${ids}))`,
          [event.id, ...registrationIds, ...registrationIds],
        )
      : Promise.resolve([]);
    const delegatesRead = this.delegates(em, event.id, registrationIds);
    const [tableOf, rows, delegates, fixedHolders, interpreters] = await Promise.all([
      fixedTables,
      meetingRows,
      delegatesRead,
      fixedTables.then((tables) =>
        tables.size === 0
          ? []
          : this.delegateLookup.approvedOfCompaniesIn(
              event.id,
              { sql: 'SELECT f.company_id FROM fixed_tables f WHERE f.event_id = ?', params: [event.id] },
              em,
            ),
      ),
      delegatesRead.then((found) => {
        const [a, b] = registrationIds.map((id) => found.get(id));
        return a && b && interpreterPair(a, b) !== null ? this.interpreterPool(em, event.id) : [];
      }),
    ]);
    const meetings = rows.map(meetingOfRow);
    return { event, slots, registrationIds, tableOf, interpreters, delegates, fixedHolders, meetings };
  }

  /**
   * The second half: the slot's meetings (read under the slot's lock) joined
   * to the first. Everyone else in a loaded meeting enters the board as
   * holding their seat only: their availability and caps decide nothing here.
   */
  async onSlot(em: EntityManager, focused: FocusedDelegates, slot: number): Promise<EventMeetingState> {
    const { event, slots, tableOf, delegates } = focused;
    const settings = event.meetingSettings;
    const inSlot: Array<{
      id: string;
      registration_a: string;
      registration_b: string;
      table_no: number;
      interpreter_id: string | null;
    }> = await em.query(
      `SELECT id, registration_a, registration_b, table_no, interpreter_id FROM meetings
        WHERE event_id = ? AND status = 'scheduled' AND slot_index = ?`,
      [event.id, slot],
    );
    const pinned = new Map(focused.meetings.map((m) => [m.id, pinnedOf(m)]));
    for (const m of inSlot)
      if (!pinned.has(m.id))
        pinned.set(m.id, {
          id: m.id,
          a: m.registration_a,
          b: m.registration_b,
          slot,
          table: Number(m.table_no),
          interpreter: m.interpreter_id,
        });
    const schedulerDelegates = new Map<string, SchedulerDelegate>();
    for (const d of delegates.values())
      schedulerDelegates.set(d.registrationId, {
        id: d.registrationId,
        // a delegate signed up for a site visit is away then
        available: slotsAvoiding(slots, slotsWithin(slots, d.availability), d.busy),
        maxMeetings: settings.maxMeetingsPerDelegate,
        fixedTable: d.companyId ? (tableOf.get(d.companyId) ?? null) : null,
      });
    const seatOnly = (id: string, fixedTable: number | null) => {
      if (!schedulerDelegates.has(id))
        schedulerDelegates.set(id, { id, available: null, maxMeetings: settings.maxMeetingsPerDelegate, fixedTable });
    };
    for (const h of focused.fixedHolders) seatOnly(h.registrationId, tableOf.get(h.companyId) ?? null);
    for (const m of pinned.values()) for (const id of [m.a, m.b]) seatOnly(id, null);
    return {
      slots,
      delegates,
      interpreters: new Map(focused.interpreters.map((i) => [i.id, i])),
      waiting: new Map(),
      input: {
        slotCount: slots.length,
        tableCount: settings.tables,
        delegates: [...schedulerDelegates.values()],
        interpreters: focused.interpreters.map((i) => ({
          id: i.id,
          pairs: i.pairs,
          available: slotsWithin(slots, i.availability),
        })),
        requests: [],
        pinned: [...pinned.values()],
      },
    };
  }

  /**
   * Select-list SQL reading the fixed tables of the event whose id is
   * `eventIdColumn` inside a caller's own statement, as a JSON array read back
   * by `fixedTablesOfRow`: a booking reads them with its request's lock. The
   * interpreter pool is not read this way: aggregating its rows (two JSON
   * columns each) into JSON cost MariaDB about 0.3 ms a booking with 30
   * interpreters, four times what `interpreterPool`'s plain statement costs.
   */
  tablesColumns(eventIdColumn: string): string {
    return `(SELECT JSON_ARRAYAGG(JSON_ARRAY(f.company_id, f.table_no)) FROM fixed_tables f
               WHERE f.event_id = ${eventIdColumn}) AS fixed_tables_json`;
  }

  /** The fixed tables (company → table) from a row read with `tablesColumns`. */
  fixedTablesOfRow(row: EventTablesRow): Map<string, number> {
    const fixed = (parsed(row.fixed_tables_json) ?? []) as Array<[string, number]>;
    return new Map(fixed.map(([company, table]) => [company, Number(table)]));
  }

  /** The event's interpreter pool, oldest first, in one plain statement (no entity hydration). */
  async interpreterPool(em: EntityManager, eventId: string): Promise<Interpreter[]> {
    const rows: InterpreterRow[] = await em.query(
      `SELECT id, event_id, name, email, pairs, availability, created_at FROM interpreters
        WHERE event_id = ? ORDER BY created_at, id`,
      [eventId],
    );
    return rows.map((row) =>
      Object.assign(new Interpreter(), {
        id: row.id,
        eventId: row.event_id,
        name: row.name,
        email: row.email,
        pairs: parsed(row.pairs) as Interpreter['pairs'],
        availability: parsed(row.availability) as Interpreter['availability'],
        createdAt: row.created_at,
      }),
    );
  }

  /** The fixed tables (company → table) and the interpreter pool, oldest first: every board needs both. */
  private async tablesAndInterpreters(em: EntityManager, eventId: string): Promise<EventTables> {
    // sent together on the transaction's connection: one round trip to wait for
    const [tableOf, interpreters] = await Promise.all([
      this.fixedTables(em, eventId),
      this.interpreterPool(em, eventId),
    ]);
    return { tableOf, interpreters };
  }

  /** The event's fixed tables, company → table. */
  private async fixedTables(em: EntityManager, eventId: string): Promise<Map<string, number>> {
    const fixed = await em.query<Array<{ company_id: string; table_no: number }>>(
      'SELECT company_id, table_no FROM fixed_tables WHERE event_id = ?',
      [eventId],
    );
    return new Map(fixed.map((f) => [f.company_id, Number(f.table_no)]));
  }

  /**
   * The whole event's meeting state as scheduler input: approved delegates with
   * their availability, caps and fixed tables; the interpreter pool; every
   * scheduled meeting pinned; and the accepted requests still waiting, oldest
   * acceptance first.
   */
  private async loadWhole(em: EntityManager, event: Event): Promise<EventMeetingState> {
    const settings = event.meetingSettings;
    const slots = slotGrid(settings, event.timeZone);
    const { tableOf, interpreters } = await this.tablesAndInterpreters(em, event.id);
    const meetings = await em.getRepository(Meeting).find({ where: { eventId: event.id, status: 'scheduled' } });
    const delegates = await this.delegates(em, event.id);
    const waiting = await em
      .getRepository(MeetingRequest)
      .createQueryBuilder('r')
      .where("r.event_id = :eventId AND r.status = 'accepted'", { eventId: event.id })
      .andWhere("NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status = 'scheduled')")
      .orderBy('r.responded_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();

    const schedulerDelegates: SchedulerDelegate[] = [...delegates.values()].map((d) => ({
      id: d.registrationId,
      // a delegate signed up for a site visit is away then
      available: slotsAvoiding(slots, slotsWithin(slots, d.availability), d.busy),
      maxMeetings: settings.maxMeetingsPerDelegate,
      fixedTable: d.companyId ? (tableOf.get(d.companyId) ?? null) : null,
    }));
    const pinned = meetings
      .filter((m) => delegates.has(m.registrationA) && delegates.has(m.registrationB))
      .map(pinnedOf);
    const placeable = waiting.filter((r) => delegates.has(r.fromRegistrationId) && delegates.has(r.toRegistrationId));
    const requests = placeable.map((r) => toSchedulerRequest(r, delegates));
    return {
      slots,
      delegates,
      interpreters: new Map(interpreters.map((i) => [i.id, i])),
      waiting: new Map(placeable.map((r) => [r.id, r])),
      input: {
        slotCount: slots.length,
        tableCount: settings.tables,
        delegates: schedulerDelegates,
        interpreters: interpreters.map((i) => ({
          id: i.id,
          pairs: i.pairs,
          available: slotsWithin(slots, i.availability),
        })),
        requests,
        pinned,
      },
    };
  }
}
