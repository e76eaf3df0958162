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
