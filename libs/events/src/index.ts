export { EventOrganiser } from './entities/event-organiser.entity';
export { Event } from './entities/event.entity';
export type {
  EventLocale,
  EventStatus,
  ScheduleStatus,
  EventTranslations,
  MeetingSettings,
  MeetingWindow,
  SessionSettings,
} from './entities/event.entity';
export { Room } from './entities/room.entity';
export { SessionSpeaker } from './entities/session-speaker.entity';
export { Session } from './entities/session.entity';
export { EventAccessService } from './event-access.service';
export type { EventSummary, EventSummaryRow } from './event-access.service';
export { EventError, EventErrorCode, EVENT_ERROR_STATUS } from './event-error';
export { eventNames } from './event-names';
export { EventsModule } from './events.module';
export { EventsCoreModule } from './events-core.module';
export { EventsMailModule } from './events-mail.module';
export { EventsService } from './events.service';
export type { CapacityRaisedListener } from './events.service';
export { EventOrganiserPolicy } from './policies/event-organiser.policy';
export { SessionSpeakerPolicy } from './policies/session-speaker.policy';
export { PublicReadCache } from './public-read-cache';
export { SessionsService } from './sessions.service';
export { isSiteVisit } from './sessions.service';
export type { SiteVisitChangedListener, SiteVisitSession } from './sessions.service';
export { SESSION_KINDS } from './entities/session.entity';
export type { SessionKind } from './entities/session.entity';
