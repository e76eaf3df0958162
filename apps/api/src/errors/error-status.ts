import { HttpStatus } from '@nestjs/common';
import { AgreementErrorCode } from '@roundtable/agreements';
import { AuthErrorCode } from '@roundtable/auth';
import { CommonErrorCode } from '@roundtable/common';
import { EventErrorCode } from '@roundtable/events';
import { MeetingErrorCode } from '@roundtable/meetings';
import { RecommendationErrorCode } from '@roundtable/recommendations';
import { RegistrationErrorCode } from '@roundtable/registrations';

/** Every domain error code the api can meet; adding a feature's enum here forces its cases below. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | EventErrorCode
  | RegistrationErrorCode
  | MeetingErrorCode
  | AgreementErrorCode
  | RecommendationErrorCode;

/** Every domain error code, for checking the codes an operation documents. */
export const DOMAIN_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(CommonErrorCode),
  ...Object.values(AuthErrorCode),
  ...Object.values(EventErrorCode),
  ...Object.values(RegistrationErrorCode),
  ...Object.values(MeetingErrorCode),
  ...Object.values(AgreementErrorCode),
  ...Object.values(RecommendationErrorCode),
]);

/**
 * Codes of errors raised before a handler runs (Nest's validation pipe, the
 * body parser, the JSON depth limit), with their status.
 */
export const HTTP_ERROR_CODES = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BODY_TOO_DEEP: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
} as const;

/** The status of any code an operation can answer: a domain code or one of HTTP_ERROR_CODES. */
export function statusOfAnyCode(code: string): HttpStatus {
  if (code in HTTP_ERROR_CODES) return HTTP_ERROR_CODES[code as keyof typeof HTTP_ERROR_CODES];
  if (!DOMAIN_ERROR_CODES.has(code)) throw new Error(`Unknown error code ${code}`);
  return statusOf(code as ErrorCode);
}

/** The HTTP status of each domain error code. A missing case fails to compile. */
export function statusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case CommonErrorCode.NotFound:
    case EventErrorCode.EventNotFound:
    case EventErrorCode.SessionNotFound:
    case EventErrorCode.RoomNotFound:
    case RegistrationErrorCode.RegistrationNotFound:
    case MeetingErrorCode.RequestNotFound:
    case MeetingErrorCode.MeetingNotFound:
    case MeetingErrorCode.InterpreterNotFound:
    case MeetingErrorCode.JobNotFound:
    case MeetingErrorCode.CalendarTokenInvalid:
    case AgreementErrorCode.AgreementNotFound:
    case AgreementErrorCode.ReportNotPublic:
      return HttpStatus.NOT_FOUND;
    case CommonErrorCode.Forbidden:
    case RegistrationErrorCode.NotApprovedDelegate:
    case RegistrationErrorCode.VisaLetterNotApproved:
    case AuthErrorCode.EmailNotVerified:
    case AuthErrorCode.WrongPassword:
    case RegistrationErrorCode.InvitationQuotaEvent:
      return HttpStatus.FORBIDDEN;
    case EventErrorCode.OrganiserInvitationForAnotherAddress:
      return HttpStatus.FORBIDDEN;
    case AuthErrorCode.LinkUsed:
    case AuthErrorCode.LinkExpired:
    case EventErrorCode.OrganiserInvitationUsed:
    case EventErrorCode.OrganiserInvitationExpired:
      return HttpStatus.GONE;
    case CommonErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidToken:
    case AuthErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case CommonErrorCode.InvalidInput:
    case AuthErrorCode.LinkInvalid:
    case EventErrorCode.OrganiserInvitationInvalid:
    case CommonErrorCode.InvalidCursor:
    case CommonErrorCode.ValueTooLong:
    case CommonErrorCode.InvalidValue:
    case CommonErrorCode.BadReference:
    case EventErrorCode.InvalidEventDates:
    case EventErrorCode.SessionOutsideEvent:
    case RegistrationErrorCode.InvitationInvalid:
    case RegistrationErrorCode.BadgeInvalid:
    case MeetingErrorCode.SelfRequest:
    case MeetingErrorCode.InvalidSlot:
    case MeetingErrorCode.InvalidTable:
    case AgreementErrorCode.InvalidAmount:
    case AgreementErrorCode.UnknownParty:
    case RecommendationErrorCode.SubjectRequired:
    case RecommendationErrorCode.TermUnusable:
      return HttpStatus.BAD_REQUEST;
    case CommonErrorCode.Duplicate:
    case CommonErrorCode.Conflict:
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
    case MeetingErrorCode.PairAlreadyRequested:
    case MeetingErrorCode.PairDeclined:
    case MeetingErrorCode.PendingLimitReached:
    case MeetingErrorCode.RequestNotPending:
    case MeetingErrorCode.RequestExpired:
    case MeetingErrorCode.NotAccepted:
    case MeetingErrorCode.AlreadyScheduled:
    case MeetingErrorCode.SlotTaken:
    case MeetingErrorCode.SlotUnavailable:
    case MeetingErrorCode.MeetingLocked:
    case MeetingErrorCode.MeetingNotHeld:
    case MeetingErrorCode.MeetingCancelled:
    case MeetingErrorCode.ScheduleFinal:
    case MeetingErrorCode.TableTaken:
    case AgreementErrorCode.AgreementWithdrawn:
    case AgreementErrorCode.LedgerBroken:
    case RecommendationErrorCode.TermTaken:
      return HttpStatus.CONFLICT;
    case CommonErrorCode.Busy:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case AuthErrorCode.RateLimited:
    case EventErrorCode.OrganiserInvitationQuota:
    case RegistrationErrorCode.InvitationQuotaOrganiser:
      return HttpStatus.TOO_MANY_REQUESTS;
    case RegistrationErrorCode.TooManyRows:
    case RegistrationErrorCode.InvitationListTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
