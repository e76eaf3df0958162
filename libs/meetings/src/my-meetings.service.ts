import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventAccessService } from '@roundtable/events';
import { RegistrationAccessService } from '@roundtable/registrations';
import { Brackets, DataSource } from 'typeorm';
import { Interpreter, Meeting } from './entities';
import { Delegate, EventMeetingStateLoader } from './event-meeting-state';

export interface MyMeeting {
  meeting: Meeting;
  event: { id: string; name: string; timeZone: string };
  other: Delegate;
  /** The interpreter booked for the meeting, by name (the delegates meet them at the table). */
  interpreterName: string | null;
  viewerTimeZone: string;
}

/** Read-only views of meetings: a person's own across events, and an event's for its organisers. */
@Injectable()
export class MyMeetingsService {
  constructor(
    private readonly boards: EventMeetingStateLoader,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly registrations: RegistrationAccessService,
  ) {}

  /** Organisers: every scheduled meeting of the event. */
  listMeetings(eventId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .find({ where: { eventId, status: 'scheduled' }, order: { startsAt: 'ASC', tableNo: 'ASC' } });
  }

  /**
   * A user's scheduled meetings across events, soonest first, with the other
   * delegate and the zone the user registered with for that event.
   */
  async myMeetings(userId: string): Promise<MyMeeting[]> {
    // only approved registrations: a rejected or cancelled one holds nothing any more
    const own = (await this.registrations.findAllOwn(userId)).filter((r) => r.status === 'approved');
    if (own.length === 0) return [];
    const ids = own.map((r) => r.id);
    const meetings = await this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where("m.status = 'scheduled'")
      .andWhere(
        new Brackets((w) =>
          w.where('m.registration_a IN (:...ids)', { ids }).orWhere('m.registration_b IN (:...ids)', { ids }),
        ),
      )
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    if (meetings.length === 0) return [];
    const ownById = new Map(own.map((r) => [r.id, r]));
    const ownOf = (m: Meeting) => ownById.get(m.registrationA) ?? ownById.get(m.registrationB)!;
    const otherOf = (m: Meeting) => (ownById.has(m.registrationA) ? m.registrationB : m.registrationA);
    // The events, the other delegates (one query per event) and the interpreters read side by side:
    // outside a transaction each takes its own pooled connection.
    const eventIds = [...new Set(meetings.map((m) => m.eventId))];
    const interpreterIds = [...new Set(meetings.map((m) => m.interpreterId).filter((id): id is string => id !== null))];
    const [events, delegatesByEvent, interpreters] = await Promise.all([
      this.events.findEvents(eventIds),
      Promise.all(
        eventIds.map((eventId) =>
          this.boards.delegates(
            this.dataSource.manager,
            eventId,
            meetings.filter((m) => m.eventId === eventId).map(otherOf),
          ),
        ),
      ),
      interpreterIds.length
        ? this.dataSource.getRepository(Interpreter).findBy(interpreterIds.map((id) => ({ id })))
        : Promise.resolve([]),
    ]);
    const others = new Map<string, Delegate>(delegatesByEvent.flatMap((byId) => [...byId]));
    const interpreterNames = new Map(interpreters.map((i) => [i.id, i.name]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    const out: MyMeeting[] = [];
    for (const meeting of meetings) {
      const event = eventById.get(meeting.eventId)!;
      const other = others.get(otherOf(meeting));
      if (other)
        out.push({
          meeting,
          event: { id: event.id, name: event.name, timeZone: event.timeZone },
          other,
          interpreterName: meeting.interpreterId ? (interpreterNames.get(meeting.interpreterId) ?? null) : null,
          viewerTimeZone: ownOf(meeting).timeZone,
        });
    }
    return out;
  }
}
