import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { RegistrationsService } from '@roundtable/registrations';
import { CalendarService } from './calendar.service';
import { MEETING_ENTITIES } from './entities';
import { MeetingAccessService } from './meeting-access.service';
import { EventMeetingStateLoader } from './event-meeting-state';
import { MeetingLookupService } from './meeting-lookup.service';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingProposalsService } from './meeting-proposals.service';
import { MeetingRequestsService } from './meeting-requests.service';
import { MeetingsController } from './meetings.controller';
import { MyMeetingsService } from './my-meetings.service';
import { ScheduleService } from './schedule.service';
import { MEETING_TEMPLATES } from './templates/meeting-templates';

/** Meeting requests, meetings, the interpreter pool, fixed tables, scheduling and personal calendars. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES)],
  controllers: [MeetingsController],
  providers: [
    EventMeetingStateLoader,
    MeetingLookupService,
    MeetingAccessService,
    MeetingRequestsService,
    MeetingPlacementService,
    MyMeetingsService,
    MeetingProposalsService,
    ScheduleService,
    CalendarService,
  ],
  exports: [MeetingPlacementService, MyMeetingsService, ScheduleService, MeetingProposalsService, MeetingLookupService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(
    private readonly templates: MailTemplateRegistry,
    private readonly registrations: RegistrationsService,
    private readonly placement: MeetingPlacementService,
  ) {}

  onModuleInit(): void {
    this.templates.register(...MEETING_TEMPLATES);
    // a rejected or cancelled registration releases its meetings and requests in the same transaction
    this.registrations.onRegistrationWithdrawn((em, event, registration) =>
      this.placement.releaseWithdrawn(em, event, registration.id),
    );
  }
}
