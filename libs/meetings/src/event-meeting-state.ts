import { Injectable } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { DelegateContact, DelegateLookupService } from '@roundtable/registrations';
import { PinnedMeeting, SchedulerDelegate, SchedulerInput, SchedulerRequest } from '@roundtable/scheduler';
import { EntityManager } from 'typeorm';
import { Interpreter, Meeting, MeetingRequest } from './entities';
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

/** Reads the event's meeting state in the caller's transaction; delegates come through the registrations lib. */
@Injectable()
export class EventMeetingStateLoader {
  constructor(private readonly delegateLookup: DelegateLookupService) {}

  /** The event's approved delegates (all, or those of `registrationIds`), by registration id. */
  async delegates(em: EntityManager, eventId: string, registrationIds?: string[]): Promise<Map<string, Delegate>> {
    const rows = await this.delegateLookup.approved(eventId, { registrationIds }, em);
    return new Map(rows.map((d) => [d.registrationId, d]));
  }

  /**
   * The delegates a focused board needs: the focus, everyone in a loaded
   * meeting, and the delegates of companies holding fixed tables (the board
   * learns which tables are reserved from them).
   */
  private async focusDelegates(
    em: EntityManager,
    eventId: string,
    focus: BoardFocus,
    meetings: Meeting[],
    fixedCompanyIds: string[],
  ): Promise<string[]> {
    const withFixedTables = await this.delegateLookup.approvedIdsOfCompanies(eventId, fixedCompanyIds, em);
    return [
      ...new Set([
        ...focus.registrationIds,
        ...meetings.flatMap((m) => [m.registrationA, m.registrationB]),
        ...withFixedTables,
      ]),
    ];
  }

  /**
   * The event's meeting state as scheduler input: approved delegates with
   * their availability, caps and fixed tables; the interpreter pool; every
   * scheduled meeting pinned; and the accepted requests still waiting, oldest
   * acceptance first.
   */
  async load(em: EntityManager, event: Event, focus?: BoardFocus): Promise<EventMeetingState> {
    const settings = event.meetingSettings;
    const slots = slotGrid(settings, event.timeZone);
    const fixed: Array<{ company_id: string; table_no: number }> = await em.query(
      'SELECT company_id, table_no FROM fixed_tables WHERE event_id = ?',
      [event.id],
    );
    const tableOf = new Map(fixed.map((f) => [f.company_id, Number(f.table_no)]));
    const interpreters = await em
      .getRepository(Interpreter)
      .find({ where: { eventId: event.id }, order: { createdAt: 'ASC' } });
    const meetings = focus
      ? await em
          .getRepository(Meeting)
          .createQueryBuilder('m')
          .where("m.event_id = :eventId AND m.status = 'scheduled'", { eventId: event.id })
          .andWhere('(m.slot_index = :slot OR m.registration_a IN (:...ids) OR m.registration_b IN (:...ids))', {
            slot: focus.slot,
            ids: focus.registrationIds,
          })
          .getMany()
      : await em.getRepository(Meeting).find({ where: { eventId: event.id, status: 'scheduled' } });
    const delegates = await this.delegates(
      em,
      event.id,
      focus ? await this.focusDelegates(em, event.id, focus, meetings, [...tableOf.keys()]) : undefined,
    );
    const waiting = focus
      ? []
      : await em
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
    const pinned: PinnedMeeting[] = meetings
      .filter((m) => delegates.has(m.registrationA) && delegates.has(m.registrationB))
      .map((m) => ({
        id: m.id,
        a: m.registrationA,
        b: m.registrationB,
        slot: m.slotIndex,
        table: m.tableNo,
        interpreter: m.interpreterId,
      }));
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
