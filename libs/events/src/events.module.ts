import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event } from './entities/event.entity';
import { EventAccessService } from './event-access.service';
import { EventNotificationsController } from './event-notifications.controller';
import { EventOrganiserPolicy } from './policies/event-organiser.policy';

/** Owns events, their organiser team, rooms, sessions and speakers, and the public agenda. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Event, EventOrganiser])],
  controllers: [EventNotificationsController],
  providers: [EventAccessService, EventOrganiserPolicy],
  exports: [EventAccessService, EventOrganiserPolicy, TypeOrmModule],
})
export class EventsModule {}
