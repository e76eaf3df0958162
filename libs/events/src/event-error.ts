import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/common';

export enum EventErrorCode {
  EventNotFound = 'EVENT_NOT_FOUND',
  SlugTaken = 'SLUG_TAKEN',
  InvalidEventDates = 'INVALID_EVENT_DATES',
  InvalidStatusChange = 'INVALID_STATUS_CHANGE',
  RoomClash = 'ROOM_CLASH',
  SpeakerClash = 'SPEAKER_CLASH',
  SessionOutsideEvent = 'SESSION_OUTSIDE_EVENT',
  SessionNotFound = 'SESSION_NOT_FOUND',
  RoomNotFound = 'ROOM_NOT_FOUND',
  EventNotEditable = 'EVENT_NOT_EDITABLE',
  OrganiserInvitationInvalid = 'ORGANISER_INVITATION_INVALID',
  OrganiserInvitationUsed = 'ORGANISER_INVITATION_USED',
  OrganiserInvitationExpired = 'ORGANISER_INVITATION_EXPIRED',
  OrganiserInvitationForAnotherAddress = 'ORGANISER_INVITATION_FOR_ANOTHER_ADDRESS',
  OrganiserInvitationQuota = 'ORGANISER_INVITATION_QUOTA',
  /** A site visit needs its capacity, meeting point and departure time. */
  SiteVisitDetailsRequired = 'SITE_VISIT_DETAILS_REQUIRED',
  /** Capacity, meeting point, departure or transport given for a session that is not a site visit (or signing up to one). */
  NotASiteVisit = 'NOT_A_SITE_VISIT',
  DepartureOutsideSession = 'DEPARTURE_OUTSIDE_SESSION',
  /** The capacity may not drop below the delegates already confirmed. */
  SiteVisitCapacityBelowSignUps = 'SITE_VISIT_CAPACITY_BELOW_SIGN_UPS',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const EVENT_ERROR_STATUS: Record<EventErrorCode, HttpStatus> = {
  [EventErrorCode.EventNotFound]: HttpStatus.NOT_FOUND,
  [EventErrorCode.SlugTaken]: HttpStatus.CONFLICT,
  [EventErrorCode.InvalidEventDates]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.InvalidStatusChange]: HttpStatus.CONFLICT,
  [EventErrorCode.RoomClash]: HttpStatus.CONFLICT,
  [EventErrorCode.SpeakerClash]: HttpStatus.CONFLICT,
  [EventErrorCode.SessionOutsideEvent]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.SessionNotFound]: HttpStatus.NOT_FOUND,
  [EventErrorCode.RoomNotFound]: HttpStatus.NOT_FOUND,
  [EventErrorCode.EventNotEditable]: HttpStatus.CONFLICT,
  [EventErrorCode.OrganiserInvitationInvalid]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.OrganiserInvitationUsed]: HttpStatus.GONE,
  [EventErrorCode.OrganiserInvitationExpired]: HttpStatus.GONE,
  [EventErrorCode.OrganiserInvitationForAnotherAddress]: HttpStatus.FORBIDDEN,
  [EventErrorCode.OrganiserInvitationQuota]: HttpStatus.TOO_MANY_REQUESTS,
  [EventErrorCode.SiteVisitDetailsRequired]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.NotASiteVisit]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.DepartureOutsideSession]: HttpStatus.BAD_REQUEST,
  [EventErrorCode.SiteVisitCapacityBelowSignUps]: HttpStatus.CONFLICT,
};

export class EventError extends DomainError<EventErrorCode> {}
