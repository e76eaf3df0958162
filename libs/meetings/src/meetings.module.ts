import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { CalendarService } from './calendar.service';
import { MEETING_ENTITIES } from './entities';
import { MeetingProposalsService } from './meeting-proposals.service';
import { MeetingsController } from './meetings.controller';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingRequestsService } from './meeting-requests.service';
import { MyMeetingsService } from './my-meetings.service';
import { ScheduleService } from './schedule.service';
import { MEETING_TEMPLATES } from './templates/meeting-templates';

/** Meeting requests, meetings, the interpreter pool, fixed tables, scheduling and personal calendars. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(MEETING_ENTITIES)],
  controllers: [MeetingsController],
  providers: [
    MeetingAccessService,
    MeetingRequestsService,
    MeetingPlacementService,
    MyMeetingsService,
    MeetingProposalsService,
    ScheduleService,
    CalendarService,
  ],
  exports: [MeetingPlacementService, MyMeetingsService, ScheduleService, MeetingProposalsService],
})
export class MeetingsModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...MEETING_TEMPLATES);
  }
}
