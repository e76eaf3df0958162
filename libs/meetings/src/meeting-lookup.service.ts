import { Injectable } from '@nestjs/common';
import { ID_PATTERN } from '@roundtable/common';
import { DataSource, EntityManager } from 'typeorm';
import { Meeting } from './entities';

/** What other libs may ask of the meetings tables (which are this lib's alone). */
@Injectable()
export class MeetingLookupService {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the meeting (of any status) is one of the event's: what a record referring to it checks. */
  async belongsToEvent(eventId: string, meetingId: string, em: EntityManager = this.dataSource.manager) {
    return ID_PATTERN.test(meetingId) && (await em.getRepository(Meeting).existsBy({ id: meetingId, eventId }));
  }

  /** Whether the delegate has a scheduled meeting overlapping [start, end). */
  async hasMeetingBetween(em: EntityManager, eventId: string, registrationId: string, start: Date, end: Date) {
    return em
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where("m.event_id = :eventId AND m.status = 'scheduled'", { eventId })
      .andWhere('(m.registration_a = :id OR m.registration_b = :id)', { id: registrationId })
      .andWhere('m.starts_at < :end AND m.ends_at > :start', { start, end })
      .getExists();
  }
}
