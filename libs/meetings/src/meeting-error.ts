import { DomainError } from '@roundtable/common';

export enum MeetingErrorCode {
  RequestNotFound = 'MEETING_REQUEST_NOT_FOUND',
  MeetingNotFound = 'MEETING_NOT_FOUND',
  InterpreterNotFound = 'INTERPRETER_NOT_FOUND',
  JobNotFound = 'SCHEDULING_JOB_NOT_FOUND',
  SelfRequest = 'SELF_REQUEST',
  PairAlreadyRequested = 'PAIR_ALREADY_REQUESTED',
  PairDeclined = 'PAIR_DECLINED',
  PendingLimitReached = 'PENDING_LIMIT_REACHED',
  RequestNotPending = 'REQUEST_NOT_PENDING',
  RequestExpired = 'REQUEST_EXPIRED',
  NotAccepted = 'REQUEST_NOT_ACCEPTED',
  AlreadyScheduled = 'ALREADY_SCHEDULED',
  SlotTaken = 'SLOT_TAKEN',
  SlotUnavailable = 'SLOT_UNAVAILABLE',
  InvalidSlot = 'INVALID_SLOT',
  InvalidTable = 'INVALID_TABLE',
  MeetingLocked = 'MEETING_LOCKED',
  MeetingNotHeld = 'MEETING_NOT_HELD',
  MeetingCancelled = 'MEETING_CANCELLED',
  ScheduleFinal = 'SCHEDULE_FINAL',
  TableTaken = 'TABLE_TAKEN',
  CalendarTokenInvalid = 'CALENDAR_TOKEN_INVALID',
}

export class MeetingError extends DomainError<MeetingErrorCode> {}
