import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { AdminEventsController } from './admin-events.controller';
import { AgendaService } from './agenda.service';
import { EventNotificationsController } from './event-notifications.controller';
import { EventsCoreModule } from './events-core.module';
import { EventsController } from './events.controller';
import { OrganiserInvitationsService } from './organiser-invitations.service';
import { SessionsController } from './sessions.controller';

/** The events API: events, organiser team and invitations, rooms, sessions, speakers, the public agenda. */
@Module({
  imports: [AuthCoreModule, EventsCoreModule],
  controllers: [EventsController, SessionsController, EventNotificationsController, AdminEventsController],
  providers: [OrganiserInvitationsService, AgendaService],
  exports: [EventsCoreModule],
})
export class EventsModule {}
