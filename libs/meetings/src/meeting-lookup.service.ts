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
}
