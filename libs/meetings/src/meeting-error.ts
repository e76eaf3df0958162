import { HttpStatus } from '@nestjs/common';
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
  FixedTableNotFound = 'FIXED_TABLE_NOT_FOUND',
  CalendarTokenInvalid = 'CALENDAR_TOKEN_INVALID',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const MEETING_ERROR_STATUS: Record<MeetingErrorCode, HttpStatus> = {
  [MeetingErrorCode.RequestNotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.MeetingNotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.InterpreterNotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.JobNotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.SelfRequest]: HttpStatus.BAD_REQUEST,
  [MeetingErrorCode.PairAlreadyRequested]: HttpStatus.CONFLICT,
  [MeetingErrorCode.PairDeclined]: HttpStatus.CONFLICT,
  [MeetingErrorCode.PendingLimitReached]: HttpStatus.CONFLICT,
  [MeetingErrorCode.RequestNotPending]: HttpStatus.CONFLICT,
  [MeetingErrorCode.RequestExpired]: HttpStatus.CONFLICT,
  [MeetingErrorCode.NotAccepted]: HttpStatus.CONFLICT,
  [MeetingErrorCode.AlreadyScheduled]: HttpStatus.CONFLICT,
  [MeetingErrorCode.SlotTaken]: HttpStatus.CONFLICT,
  [MeetingErrorCode.SlotUnavailable]: HttpStatus.CONFLICT,
  [MeetingErrorCode.InvalidSlot]: HttpStatus.BAD_REQUEST,
  [MeetingErrorCode.InvalidTable]: HttpStatus.BAD_REQUEST,
  [MeetingErrorCode.MeetingLocked]: HttpStatus.CONFLICT,
  [MeetingErrorCode.MeetingNotHeld]: HttpStatus.CONFLICT,
  [MeetingErrorCode.MeetingCancelled]: HttpStatus.CONFLICT,
  [MeetingErrorCode.ScheduleFinal]: HttpStatus.CONFLICT,
  [MeetingErrorCode.TableTaken]: HttpStatus.CONFLICT,
  [MeetingErrorCode.FixedTableNotFound]: HttpStatus.NOT_FOUND,
  [MeetingErrorCode.CalendarTokenInvalid]: HttpStatus.NOT_FOUND,
};

export class MeetingError extends DomainError<MeetingErrorCode> {}
