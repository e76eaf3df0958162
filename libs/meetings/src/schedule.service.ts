import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@roundtable/auth';
import { CommonError, CommonErrorCode, ID_PATTERN, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService, eventNames, EventsService, ScheduleStatus } from '@roundtable/events';
import { OutboxMessage, OutboxService } from '@roundtable/notifications';
import { JobName, QueueName, ScheduleMeetingsJob } from '@roundtable/queue';
import { DelegateLookupService } from '@roundtable/registrations';
import { IncrementalSchedule, schedule } from '@roundtable/scheduler';
import { Job, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { FixedTable, Interpreter, Meeting, MeetingRequest } from './entities';
import { EventMeetingStateLoader } from './event-meeting-state';
import { MeetingError, MeetingErrorCode } from './meeting-error';
import { recipientOf } from './meeting-mail';
import { MeetingPlacementService } from './meeting-placement.service';
import { SchedulePayload } from './templates/meeting-templates';

export interface ScheduleRunResult {
  placed: number;
  unplaced: number;
  fewestMeetingsPerDelegate: number;
  reasons: Record<string, number>;
}

/** The event's meeting requests and meetings in numbers, for the organisers' dashboard. */
export interface MeetingCounts {
  requestsByStatus: { key: string; count: number }[];
  /** Meetings that have a slot and a table (scheduled or already held). */
  placed: number;
  /** Accepted requests without a meeting, by the reason the scheduler gave (`NOT_TRIED` when it has not run). */
  unplacedByReason: { key: string; count: number }[];
}

/** Organiser tools: interpreters, fixed tables, the scheduling job and publishing the schedule. */
@Injectable()
export class ScheduleService {
  private readonly baseUrl: string;

  constructor(
    private readonly boards: EventMeetingStateLoader,
    private readonly delegateLookup: DelegateLookupService,
    private readonly eventsService: EventsService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Scheduling) private readonly queue: Queue<ScheduleMeetingsJob>,
    private readonly access: EventAccessService,
    private readonly placement: MeetingPlacementService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /** Three grouped queries over the event's requests and meetings. */
  async dashboardCounts(eventId: string): Promise<MeetingCounts> {
    const [requests, [placed], unplaced] = await Promise.all([
      this.dataSource.query<{ k: string; n: string }[]>(
        'SELECT status AS k, COUNT(*) AS n FROM meeting_requests WHERE event_id = ? GROUP BY status',
        [eventId],
      ),
      this.dataSource.query<{ n: string }[]>(
        "SELECT COUNT(*) AS n FROM meetings WHERE event_id = ? AND status IN ('scheduled', 'completed')",
        [eventId],
      ),
      this.dataSource.query<{ k: string; n: string }[]>(
        `SELECT COALESCE(r.unscheduled_reason, 'NOT_TRIED') AS k, COUNT(*) AS n FROM meeting_requests r
         WHERE r.event_id = ? AND r.status = 'accepted'
           AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.request_id = r.id AND m.status IN ('scheduled', 'completed'))
         GROUP BY k`,
        [eventId],
      ),
    ]);
    const counts = (rows: { k: string; n: string }[]) => rows.map((r) => ({ key: r.k, count: Number(r.n) }));
    return { requestsByStatus: counts(requests), placed: Number(placed.n), unplacedByReason: counts(unplaced) };
  }

  async addInterpreter(
    eventId: string,
    input: {
      name: string;
      email?: string | null;
      pairs: string[];
      availability?: Array<{ start: string; end: string }> | null;
    },
  ): Promise<Interpreter> {
    const repo = this.dataSource.getRepository(Interpreter);
    const interpreter = repo.create({
      id: newId(),
      eventId,
      name: input.name,
      email: input.email ?? null,
      pairs: input.pairs.map((p) => p.split('-').sort().join('-')),
      availability: input.availability ?? null,
    });
    await repo.insert(interpreter);
    return interpreter;
  }

  listInterpreters(eventId: string): Promise<Interpreter[]> {
    return this.dataSource.getRepository(Interpreter).find({ where: { eventId }, order: { createdAt: 'ASC' } });
  }

  /** Reserve a table for a company; a table already given to another company is TABLE_TAKEN. */
  async fixTable(eventId: string, companyId: string, tableNo: number): Promise<FixedTable> {
    const event = await this.access.getEvent(eventId);
    if (tableNo > event.meetingSettings.tables)
      throw new MeetingError(
        MeetingErrorCode.InvalidTable,
        `tableNo must be between 1 and ${event.meetingSettings.tables}`,
      );
    return inTransaction(this.dataSource, async (em) => {
      const registered = ID_PATTERN.test(companyId)
        ? (await this.delegateLookup.companiesOfEvent(event.id, [companyId], em)).has(companyId)
        : false;
      if (!registered)
        throw new CommonError(
          CommonErrorCode.BadReference,
          'companyId: no company of that id is registered for this event',
        );
      const taken = await em.getRepository(FixedTable).findOneBy({ eventId, tableNo });
      if (taken && taken.companyId !== companyId)
        throw new MeetingError(MeetingErrorCode.TableTaken, `Table ${tableNo} is already reserved for another company`);
      const row = em.getRepository(FixedTable).create({ eventId, companyId, tableNo });
      await em.getRepository(FixedTable).save(row);
      return row;
    });
  }

  /** The tables reserved for companies, by table number. */
  listFixedTables(eventId: string): Promise<FixedTable[]> {
    return this.dataSource.getRepository(FixedTable).find({ where: { eventId }, order: { tableNo: 'ASC' } });
  }

  /** Give a company's reserved table back to the pool; meetings already placed there stay where they are. */
  async releaseTable(eventId: string, companyId: string): Promise<void> {
    const result = await this.dataSource.getRepository(FixedTable).delete({ eventId, companyId });
    if (!result.affected)
      throw new MeetingError(
        MeetingErrorCode.FixedTableNotFound,
        'No table is reserved for that company at this event',
      );
  }

  /** Queue the scheduling of every accepted, unscheduled request; the worker runs it. */
  async enqueue(eventId: string, user: AuthUser): Promise<{ jobId: string }> {
    const job = await this.queue.add(
      JobName.ScheduleMeetings,
      { eventId, requestedBy: user.id },
      { removeOnComplete: 100, removeOnFail: 100, attempts: 1 },
    );
    return { jobId: String(job.id) };
  }

  async jobStatus(
    eventId: string,
    jobId: string,
  ): Promise<{
    jobId: string;
    state: string;
    progress: number;
    result: ScheduleRunResult | null;
    error: string | null;
  }> {
    let job = await this.queue.getJob(jobId);
    if (!job || job.data.eventId !== eventId)
      throw new MeetingError(MeetingErrorCode.JobNotFound, 'Scheduling job not found');
    const state = await job.getState();
    // The job's fields were read before its state: a job that finished in between
    // would show as completed with no result, so a finished job is read again.
    if (state === 'completed' || state === 'failed') job = (await this.queue.getJob(jobId)) ?? job;
    return {
      jobId,
      state,
      progress: Number(job.progress()) || 0,
      result: (job.returnvalue as ScheduleRunResult | null) ?? null,
      error: job.failedReason ?? null,
    };
  }

  /**
   * The job: the scheduler works on a snapshot outside any lock (it may take
   * seconds on a large forum), then each placement is re-checked and written
   * under the event lock, so a delegate's booking in the meantime always wins.
   * Existing meetings, locked or not, never move.
   */
  async run(job: Job<ScheduleMeetingsJob>): Promise<ScheduleRunResult> {
    return this.scheduleEvent(job.data.eventId, { notify: true, progress: (percent) => job.progress(percent) });
  }

  /**
   * Places every accepted, unscheduled request of the event. `notify: false`
   * writes the meetings without mailing them (the demo forum; organisers who
   * announce the programme only with the final publication).
   */
  async scheduleEvent(
    eventId: string,
    options: { notify: boolean; progress?: (percent: number) => Promise<unknown> },
  ): Promise<ScheduleRunResult> {
    const progress = options.progress ?? (() => Promise.resolve());
    const event = await this.access.getEvent(eventId);
    const snapshot = await this.boards.load(this.dataSource.manager, event);
    await progress(10);
    const result = schedule(snapshot.input, { seed: 1 });
    await progress(60);
    const placed = await inTransaction(this.dataSource, async (em) => {
      const locked = await this.access.lockEvent(em, event.id);
      const board = await this.boards.load(em, locked);
      const current = new IncrementalSchedule({ ...board.input, requests: [] });
      const waiting = new Map(board.input.requests.map((r) => [r.id, r]));
      let count = 0;
      const mails: OutboxMessage<object>[] = [];
      for (const p of result.placements) {
        const wanted = waiting.get(p.requestId);
        const request = board.waiting.get(p.requestId);
        if (!wanted || !request) continue;
        const pinned = current.placeAt(wanted, p.slot);
        if (!pinned) continue;
        const meeting = await this.placement.writeMeeting(em, locked, board, request, pinned, mails);
        count++;
        if (options.notify)
          mails.push(...this.placement.mailsToBoth(locked, board, meeting, 'meeting-scheduled', null));
      }
      await this.outbox.enqueue(em, ...mails);
      for (const u of result.unplaced)
        await em.getRepository(MeetingRequest).update({ id: u.requestId }, { unscheduledReason: u.reason });
      return count;
    });
    await progress(100);
    const reasons: Record<string, number> = {};
    for (const u of result.unplaced) reasons[u.reason] = (reasons[u.reason] ?? 0) + 1;
    return {
      placed,
      unplaced: result.unplaced.length,
      fewestMeetingsPerDelegate: result.stats.fewestMeetingsPerDelegate,
      reasons,
    };
  }

  /** Preliminary lets delegates see it as provisional; final mails everyone their personal schedule. */
  async publish(
    eventId: string,
    status: Exclude<ScheduleStatus, 'draft'>,
  ): Promise<{ scheduleStatus: ScheduleStatus; previousStatus: ScheduleStatus; meetings: number; mailed: number }> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.access.lockEvent(em, eventId);
      const previousStatus = event.scheduleStatus;
      if (event.scheduleStatus === 'final' && status === 'preliminary') {
        throw new MeetingError(MeetingErrorCode.ScheduleFinal, 'The schedule is already final');
      }
      event.scheduleStatus = status;
      await this.eventsService.setScheduleStatus(em, event.id, status);
      if (status !== 'final') {
        const scheduled = await em.getRepository(Meeting).countBy({ eventId: event.id, status: 'scheduled' });
        return { scheduleStatus: status, previousStatus, meetings: scheduled, mailed: 0 };
      }
      const meetings = await em
        .getRepository(Meeting)
        .find({ where: { eventId: event.id, status: 'scheduled' }, order: { startsAt: 'ASC' } });
      const delegates = await this.boards.delegates(em, event.id);
      const interpreters = new Map(
        (await em.getRepository(Interpreter).findBy({ eventId: event.id })).map((i) => [i.id, i.name]),
      );
      const perDelegate = new Map<string, SchedulePayload['meetings']>();
      for (const m of meetings) {
        for (const [own, otherId] of [
          [m.registrationA, m.registrationB],
          [m.registrationB, m.registrationA],
        ]) {
          const other = delegates.get(otherId);
          if (!other) continue;
          const list = perDelegate.get(own) ?? [];
          list.push({
            startsAt: m.startsAt.toISOString(),
            tableNo: m.tableNo,
            otherName: other.name,
            otherNames: other.badgeNames,
            otherCompany: other.companyName,
            otherCompanyNames: other.companyNames,
            interpreter: m.interpreterId ? (interpreters.get(m.interpreterId) ?? null) : null,
          });
          perDelegate.set(own, list);
        }
      }
      const mails = [...perDelegate.entries()]
        .filter(([id]) => delegates.has(id))
        .map(([id, list]) => {
          const d = delegates.get(id)!;
          return {
            type: 'schedule-final',
            dedupeKey: `schedule-final:${event.id}:${id}`,
            recipient: recipientOf(d),
            eventId: event.id,
            eventTimeZone: event.timeZone,
            eventLocale: event.defaultLocale,
            eventNames: eventNames(event),
            payload: {
              eventName: event.name,
              meetings: list,
              url: `${this.baseUrl}/app/events/${event.id}/schedule`,
            } satisfies SchedulePayload,
          };
        });
      await this.outbox.enqueue(em, ...mails);
      return { scheduleStatus: status, previousStatus, meetings: meetings.length, mailed: mails.length };
    });
  }
}
