import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import {
  RegistrationError,
  RegistrationErrorCode,
  RegistrationsCoreModule,
  RegistrationsService,
  SiteVisitsService,
} from '@roundtable/registrations';
import { CalendarService } from './calendar.service';
import { MEETING_ENTITIES } from './entities';
import { EventMeetingStateLoader } from './event-meeting-state';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingLookupService } from './meeting-lookup.service';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingProposalsService } from './meeting-proposals.service';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingsMailModule } from './meetings-mail.module';
import { MyMeetingsService } from './my-meetings.service';
import { ScheduleBoardService } from './schedule-board.service';
import { ScheduleService } from './schedule.service';

const SERVICES = [
  MeetingLookupService,
  MeetingAccessService,
  MeetingRequestsService,
  MeetingPlacementService,
  MyMeetingsService,
  MeetingProposalsService,
  ScheduleService,
  ScheduleBoardService,
  CalendarService,
];

/**
 * Meeting requests, meetings, the interpreter pool, fixed tables, scheduling
 * and personal calendars as other libs (and the worker) use them: no
 * controller.
 */
@Module({
  imports: [
    AuthCoreModule,
    EventsCoreModule,
    RegistrationsCoreModule,
    MeetingsMailModule,
    TypeOrmModule.forFeature(MEETING_ENTITIES),
  ],
  providers: [EventMeetingStateLoader, ...SERVICES],
  exports: SERVICES,
})
export class MeetingsCoreModule implements OnModuleInit {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly placement: MeetingPlacementService,
    private readonly siteVisits: SiteVisitsService,
    private readonly lookup: MeetingLookupService,
  ) {}

  onModuleInit(): void {
    // a rejected or cancelled registration releases its meetings and requests in the same transaction
    this.registrations.onRegistrationWithdrawn((em, event, registration) =>
      this.placement.releaseWithdrawn(em, event, registration.id),
    );
    // a delegate with a meeting during a site visit moves or cancels it before signing up
    this.siteVisits.onSigningUp(async (em, event, registrationId, { start, end }) => {
      if (await this.lookup.hasMeetingBetween(em, event.id, registrationId, start, end)) {
        throw new RegistrationError(
          RegistrationErrorCode.SiteVisitMeetingClash,
          'You have a meeting during this visit: move or cancel it first',
        );
      }
    });
  }
}
