import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from '@roundtable/auth';
import { CommonErrorCode } from '@roundtable/common';
import { EventErrorCode } from '@roundtable/events';
import { RegistrationErrorCode } from '@roundtable/registrations';

/** Every domain error code the api can meet; adding a feature's enum here forces its cases below. */
export type ErrorCode = CommonErrorCode | AuthErrorCode | EventErrorCode | RegistrationErrorCode;

/** The HTTP status of each domain error code. A missing case fails to compile. */
export function statusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case CommonErrorCode.NotFound:
    case EventErrorCode.EventNotFound:
    case EventErrorCode.SessionNotFound:
    case EventErrorCode.RoomNotFound:
    case RegistrationErrorCode.RegistrationNotFound:
      return HttpStatus.NOT_FOUND;
    case CommonErrorCode.Forbidden:
    case RegistrationErrorCode.NotApprovedDelegate:
    case RegistrationErrorCode.VisaLetterNotApproved:
      return HttpStatus.FORBIDDEN;
    case CommonErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidToken:
    case AuthErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case CommonErrorCode.InvalidInput:
    case CommonErrorCode.InvalidCursor:
    case CommonErrorCode.ValueTooLong:
    case CommonErrorCode.InvalidValue:
    case CommonErrorCode.BadReference:
    case EventErrorCode.InvalidEventDates:
    case EventErrorCode.SessionOutsideEvent:
    case RegistrationErrorCode.InvitationInvalid:
    case RegistrationErrorCode.BadgeInvalid:
      return HttpStatus.BAD_REQUEST;
    case CommonErrorCode.Duplicate:
    case CommonErrorCode.Conflict:
    case AuthErrorCode.EmailTaken:
    case EventErrorCode.SlugTaken:
    case EventErrorCode.InvalidStatusChange:
    case EventErrorCode.RoomClash:
    case EventErrorCode.SpeakerClash:
    case EventErrorCode.EventNotEditable:
    case RegistrationErrorCode.AlreadyRegistered:
    case RegistrationErrorCode.RegistrationClosed:
    case RegistrationErrorCode.CapacityFull:
    case RegistrationErrorCode.InvalidTransition:
    case RegistrationErrorCode.InvitationUsed:
    case RegistrationErrorCode.InvitationExpired:
      return HttpStatus.CONFLICT;
    case CommonErrorCode.Busy:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case AuthErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
