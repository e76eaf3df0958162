import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventAccessService, ScheduleStatus } from '@roundtable/events';
import { IncrementalSchedule } from '@roundtable/scheduler';
import { DataSource } from 'typeorm';
import { Interpreter, Meeting } from './entities';
import { Delegate, EventMeetingStateLoader, interpreterPair, toSchedulerRequest } from './event-meeting-state';
import { Slot, slotGrid, slotsAvoiding, slotsWithin } from './slot-grid';

export interface ScheduleGrid {
  timeZone: string;
  scheduleStatus: ScheduleStatus;
  tables: number;
  slots: Slot[];
  delegates: Array<{ delegate: Delegate; available: number[] | null }>;
  interpreters: Interpreter[];
  meetings: Meeting[];
}

export interface UnplacedRequest {
  requestId: string;
  from: Delegate;
  to: Delegate;
  reason: string | null;
  interpreterPair: string | null;
  /** Slots where the two could meet now (a free table and interpreter included), earliest first. */
  freeSlots: Slot[];
}

/**
 * The organisers' B2B board: the whole grid in one read (every scheduled
 * meeting, the slots, who can meet when) and the accepted requests still
 * without a slot, each with where it would fit now.
 */
@Injectable()
export class ScheduleBoardService {
  constructor(
    private readonly boards: EventMeetingStateLoader,
    private readonly access: EventAccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** One snapshot (REPEATABLE READ): a meeting moved meanwhile is in its old cell or its new one, never both. */
  async grid(eventId: string): Promise<ScheduleGrid> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const event = await this.access.getEvent(eventId, em);
      const slots = slotGrid(event.meetingSettings, event.timeZone);
      const [delegates, interpreters, meetings] = await Promise.all([
        this.boards.delegates(em, event.id),
        em.getRepository(Interpreter).find({ where: { eventId: event.id }, order: { createdAt: 'ASC' } }),
        em
          .getRepository(Meeting)
          .find({ where: { eventId: event.id, status: 'scheduled' }, order: { slotIndex: 'ASC', tableNo: 'ASC' } }),
      ]);
      return {
        timeZone: event.timeZone,
        scheduleStatus: event.scheduleStatus,
        tables: event.meetingSettings.tables,
        slots,
        delegates: [...delegates.values()].map((d) => ({
          delegate: d,
          // away on a site visit counts as not available
          available: slotsAvoiding(slots, slotsWithin(slots, d.availability), d.busy),
        })),
        interpreters,
        meetings,
      };
    });
  }

  /** Accepted requests without a meeting, oldest acceptance first, each with the slots that would take it now. */
  async unplaced(eventId: string): Promise<UnplacedRequest[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const event = await this.access.getEvent(eventId, em);
      const board = await this.boards.load(em, event);
      const schedule = new IncrementalSchedule({ ...board.input, requests: [] });
      return [...board.waiting.values()].map((r) => {
        const from = board.delegates.get(r.fromRegistrationId)!;
        const to = board.delegates.get(r.toRegistrationId)!;
        return {
          requestId: r.id,
          from,
          to,
          reason: r.unscheduledReason,
          interpreterPair: interpreterPair(from, to),
          freeSlots: schedule.feasibleSlots(toSchedulerRequest(r, board.delegates)).map((s) => board.slots[s]),
        };
      });
    });
  }
}
