import { Global, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { AdminEventsController } from './admin-events.controller';
import { AgendaService } from './agenda.service';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event } from './entities/event.entity';
import { OrganiserInvitation } from './entities/organiser-invitation.entity';
import { Room } from './entities/room.entity';
import { SessionSpeaker } from './entities/session-speaker.entity';
import { Session } from './entities/session.entity';
import { EventAccessService } from './event-access.service';
import { EventNotificationsController } from './event-notifications.controller';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { OrganiserInvitationsService } from './organiser-invitations.service';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';
import { SessionSpeakerPolicy } from './policies/session-speaker.policy';
import { SessionsController } from './sessions.controller';
import { PublicReadCache } from './public-read-cache';
import { SessionsService } from './sessions.service';
import { EVENT_TEMPLATES } from './templates/event-templates';
import { organiserInvitationTemplate } from './templates/organiser-invitation.template';

/** Owns events, their organiser team, rooms, sessions and speakers, and the public agenda. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Event, EventOrganiser, OrganiserInvitation, Room, Session, SessionSpeaker])],
  controllers: [EventsController, SessionsController, EventNotificationsController, AdminEventsController],
  providers: [
    EventAccessService,
    EventsService,
    OrganiserInvitationsService,
    SessionsService,
    AgendaService,
    PublicReadCache,
    EventOrganiserPolicy,
    SessionSpeakerPolicy,
  ],
  exports: [
    EventAccessService,
    EventsService,
    SessionsService,
    PublicReadCache,
    EventOrganiserPolicy,
    SessionSpeakerPolicy,
  ],
})
export class EventsModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...EVENT_TEMPLATES, organiserInvitationTemplate);
  }
}
