export { EventOrganiser } from './entities/event-organiser.entity';
export { Event } from './entities/event.entity';
export type {
  EventLocale,
  EventStatus,
  EventTranslations,
  MeetingSettings,
  MeetingWindow,
  SessionSettings,
} from './entities/event.entity';
export { EventAccessService } from './event-access.service';
export { EventError, EventErrorCode } from './event-error';
export { EventsModule } from './events.module';
export { EventOrganiserPolicy } from './policies/event-organiser.policy';
