import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventAccessService, EventSummary, EventSummaryRow } from '@roundtable/events';
import { Counterpart, CounterpartRow, DelegateLookupService } from '@roundtable/registrations';
import { DataSource } from 'typeorm';
import { Meeting } from './entities';
import { meetingOfRow, MeetingRow } from './meeting-rows';

export interface MyMeeting {
  meeting: Meeting;
  event: EventSummary;
  other: Counterpart;
  /** The interpreter booked for the meeting, by name (the delegates meet them at the table). */
  interpreterName: string | null;
  viewerTimeZone: string;
}

type MyMeetingRow = MeetingRow & EventSummaryRow & CounterpartRow & { interpreter_name: string | null };

/** Read-only views of meetings: a person's own across events, and an event's for its organisers. */
@Injectable()
export class MyMeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly delegates: DelegateLookupService,
  ) {}

  /** Organisers: every scheduled meeting of the event. */
  listMeetings(eventId: string): Promise<Meeting[]> {
    return this.dataSource
      .getRepository(Meeting)
      .find({ where: { eventId, status: 'scheduled' }, order: { startsAt: 'ASC', tableNo: 'ASC' } });
  }

  /**
   * A user's scheduled meetings across events, soonest first, with the other
   * delegate and the zone the user registered with for that event: one query
   * (no transaction), the user's side and the other's through the
   * registrations lib's join, the event's through the events lib's. Only
   * approved registrations count on either side: a rejected or cancelled one
   * holds nothing any more.
   */
  async myMeetings(userId: string): Promise<MyMeeting[]> {
    const event = this.events.summaryJoin('m.event_id');
    // one branch per side the user is on, so each reads the meetings by their registration index
    const side = (own: string, other: string) => {
      const pair = this.delegates.counterpartJoin(`m.${own}`, `m.${other}`);
      return `SELECT m.id, m.event_id, m.request_id, m.registration_a, m.registration_b, m.slot_index, m.starts_at,
                     m.ends_at, m.table_no, m.interpreter_id, m.status, m.locked, m.sequence, m.created_at, m.updated_at,
                     i.name AS interpreter_name, ${event.columns}, ${pair.columns}
                FROM meetings m ${pair.join} ${event.join} LEFT JOIN interpreters i ON i.id = m.interpreter_id
               WHERE m.status = 'scheduled'`;
    };
    const rows: MyMeetingRow[] = await this.dataSource.query(
      `${side('registration_a', 'registration_b')} UNION ALL ${side('registration_b', 'registration_a')}
       ORDER BY starts_at, id`,
      [userId, userId],
    );
    return rows.map((row) => ({
      meeting: meetingOfRow(row),
      event: this.events.summaryOfRow(row, row.event_id),
      other: this.delegates.counterpartOfRow(row),
      interpreterName: row.interpreter_name,
      viewerTimeZone: row.own_time_zone ?? 'UTC',
    }));
  }
}
