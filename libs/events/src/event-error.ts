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
}

export class EventError extends DomainError<EventErrorCode> {}
