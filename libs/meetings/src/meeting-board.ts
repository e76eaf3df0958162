import { Event } from '@roundtable/events';
import type { ScriptNames } from '@roundtable/notifications';
import { PinnedMeeting, SchedulerDelegate, SchedulerInput, SchedulerRequest } from '@roundtable/scheduler';
import { EntityManager } from 'typeorm';
import { Interpreter, Meeting, MeetingRequest } from './entities';
import { Slot, slotGrid, slotsWithin } from './slot-grid';

/** An approved delegate as the meeting features need them: who, which company, which languages. */
export interface Delegate {
  registrationId: string;
  userId: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
  companyId: string | null;
  companyName: string | null;
  /** The delegate's name in other scripts (badge names), shown beside the original in the reader's script. */
  badgeNames: ScriptNames | null;
  /** The company's name in Chinese and Russian, when registered. */
  companyNames: ScriptNames | null;
  languages: string[];
  availability: Array<{ start: string; end: string }> | null;
}

/** Everything the scheduler needs about one event, read in the caller's transaction. */
export interface MeetingBoard {
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
export function interpreterNameOf(board: MeetingBoard, meeting: Meeting | null): string | null {
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

export async function loadDelegates(
  em: EntityManager,
  eventId: string,
  registrationIds?: string[],
): Promise<Map<string, Delegate>> {
  const filter = registrationIds ? ` AND r.id IN (${registrationIds.map(() => '?').join(',')})` : '';
  const rows: Array<Record<string, string | null>> = await em.query(
    `SELECT r.id, r.user_id, u.name, u.email, u.locale, r.time_zone, r.company_id, c.name AS company_name,
            c.name_zh AS company_name_zh, c.name_ru AS company_name_ru, r.badge_names, r.languages, r.availability
       FROM registrations r JOIN users u ON u.id = r.user_id LEFT JOIN companies c ON c.id = r.company_id
      WHERE r.event_id = ? AND r.status = 'approved'${filter}`,
    [eventId, ...(registrationIds ?? [])],
  );
  return new Map(
    rows.map((r) => [
      r.id!,
      {
        registrationId: r.id!,
        userId: r.user_id!,
        name: r.name!,
        email: r.email!,
        locale: r.locale ?? 'en',
        timeZone: r.time_zone ?? 'UTC',
        companyId: r.company_id,
        companyName: r.company_name,
        badgeNames: r.badge_names ? (JSON.parse(r.badge_names) as ScriptNames) : null,
        companyNames: r.company_name_zh || r.company_name_ru ? { zh: r.company_name_zh, ru: r.company_name_ru } : null,
        languages: JSON.parse(r.languages ?? '[]') as string[],
        availability: r.availability ? (JSON.parse(r.availability) as Array<{ start: string; end: string }>) : null,
      },
    ]),
  );
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

/**
 * The delegates a focused board needs: the focus, everyone in a loaded
 * meeting, and the delegates of companies holding fixed tables (the board
 * learns which tables are reserved from them).
 */
async function focusDelegates(
  em: EntityManager,
  eventId: string,
  focus: BoardFocus,
  meetings: Meeting[],
  fixedCompanyIds: string[],
): Promise<string[]> {
  const withFixedTables: Array<{ id: string }> =
    fixedCompanyIds.length === 0
      ? []
      : await em.query(
          `SELECT id FROM registrations WHERE event_id = ? AND status = 'approved'
            AND company_id IN (${fixedCompanyIds.map(() => '?').join(', ')})`,
          [eventId, ...fixedCompanyIds],
        );
  return [
    ...new Set([
      ...focus.registrationIds,
      ...meetings.flatMap((m) => [m.registrationA, m.registrationB]),
      ...withFixedTables.map((r) => r.id),
    ]),
  ];
}

/**
 * The event's meeting state as scheduler input: approved delegates with
 * their availability, caps and fixed tables; the interpreter pool; every
 * scheduled meeting pinned; and the accepted requests still waiting, oldest
 * acceptance first.
 */
export async function loadBoard(em: EntityManager, event: Event, focus?: BoardFocus): Promise<MeetingBoard> {
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
  const delegates = await loadDelegates(
    em,
    event.id,
    focus ? await focusDelegates(em, event.id, focus, meetings, [...tableOf.keys()]) : undefined,
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
    available: slotsWithin(slots, d.availability),
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
