import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthCoreModule } from '@roundtable/auth';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event } from './entities/event.entity';
import { OrganiserInvitation } from './entities/organiser-invitation.entity';
import { Room } from './entities/room.entity';
import { SessionSpeaker } from './entities/session-speaker.entity';
import { Session } from './entities/session.entity';
import { EventAccessService } from './event-access.service';
import { EventsMailModule } from './events-mail.module';
import { EventsService } from './events.service';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';
import { SessionSpeakerPolicy } from './policies/session-speaker.policy';
import { PublicReadCache } from './public-read-cache';
import { SessionMailService } from './session-mail.service';
import { SessionsService } from './sessions.service';

/** Events, their organisers, rooms, sessions and speakers as other libs (and the worker) use them: no controller. */
@Module({
  imports: [
    AuthCoreModule,
    EventsMailModule,
    TypeOrmModule.forFeature([Event, EventOrganiser, OrganiserInvitation, Room, Session, SessionSpeaker]),
  ],
  providers: [
    EventAccessService,
    EventsService,
    SessionsService,
    SessionMailService,
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
export class EventsCoreModule {}
