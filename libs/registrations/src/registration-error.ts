import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/common';

export enum RegistrationErrorCode {
  RegistrationNotFound = 'REGISTRATION_NOT_FOUND',
  AlreadyRegistered = 'ALREADY_REGISTERED',
  RegistrationClosed = 'REGISTRATION_CLOSED',
  CapacityFull = 'CAPACITY_FULL',
  InvalidTransition = 'INVALID_TRANSITION',
  NotApprovedDelegate = 'NOT_APPROVED_DELEGATE',
  InvitationInvalid = 'INVITATION_INVALID',
  InvitationUsed = 'INVITATION_USED',
  InvitationExpired = 'INVITATION_EXPIRED',
  BadgeInvalid = 'BADGE_INVALID',
  VisaLetterNotApproved = 'VISA_LETTER_NOT_APPROVED',
  /** The event's invitation quota (small until a platform admin marks it trusted). */
  InvitationQuotaEvent = 'INVITATION_QUOTA_EVENT',
  /** The organiser's daily invitation quota for untrusted events. */
  InvitationQuotaOrganiser = 'INVITATION_QUOTA_ORGANISER',
  /** More rows in one JSON list or CSV than INVITATIONS_MAX_ROWS_JSON / _CSV. */
  TooManyRows = 'TOO_MANY_ROWS',
  InvitationListTooLarge = 'INVITATION_LIST_TOO_LARGE',
  /** The visit has departed, or the event no longer runs: no sign-up or cancellation now. */
  SiteVisitClosed = 'SITE_VISIT_CLOSED',
  AlreadySignedUp = 'ALREADY_SIGNED_UP',
  SignUpNotFound = 'SIGN_UP_NOT_FOUND',
  /** The delegate is signed up to another visit at an overlapping time. */
  SiteVisitClash = 'SITE_VISIT_CLASH',
  /** The delegate has a scheduled meeting during the visit: move or cancel it first. */
  SiteVisitMeetingClash = 'SITE_VISIT_MEETING_CLASH',
  /** No visa letter has this reference (mistyped, never issued, or replaced by a newer request). */
  VisaLetterNotFound = 'VISA_LETTER_NOT_FOUND',
  InvitationNotFound = 'INVITATION_NOT_FOUND',
  /** The invitation was mailed as often as an invitation may be. */
  InvitationResendLimit = 'INVITATION_RESEND_LIMIT',
  /** The invitation was mailed moments ago. */
  InvitationResendTooSoon = 'INVITATION_RESEND_TOO_SOON',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const REGISTRATION_ERROR_STATUS: Record<RegistrationErrorCode, HttpStatus> = {
  [RegistrationErrorCode.RegistrationNotFound]: HttpStatus.NOT_FOUND,
  [RegistrationErrorCode.AlreadyRegistered]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.RegistrationClosed]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.CapacityFull]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.InvalidTransition]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.NotApprovedDelegate]: HttpStatus.FORBIDDEN,
  [RegistrationErrorCode.InvitationInvalid]: HttpStatus.BAD_REQUEST,
  [RegistrationErrorCode.InvitationUsed]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.InvitationExpired]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.BadgeInvalid]: HttpStatus.BAD_REQUEST,
  [RegistrationErrorCode.VisaLetterNotApproved]: HttpStatus.FORBIDDEN,
  [RegistrationErrorCode.InvitationQuotaEvent]: HttpStatus.FORBIDDEN,
  [RegistrationErrorCode.InvitationQuotaOrganiser]: HttpStatus.TOO_MANY_REQUESTS,
  [RegistrationErrorCode.TooManyRows]: HttpStatus.PAYLOAD_TOO_LARGE,
  [RegistrationErrorCode.InvitationListTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [RegistrationErrorCode.SiteVisitClosed]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.AlreadySignedUp]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.SignUpNotFound]: HttpStatus.NOT_FOUND,
  [RegistrationErrorCode.SiteVisitClash]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.SiteVisitMeetingClash]: HttpStatus.CONFLICT,
  [RegistrationErrorCode.VisaLetterNotFound]: HttpStatus.NOT_FOUND,
  [RegistrationErrorCode.InvitationNotFound]: HttpStatus.NOT_FOUND,
  [RegistrationErrorCode.InvitationResendLimit]: HttpStatus.TOO_MANY_REQUESTS,
  [RegistrationErrorCode.InvitationResendTooSoon]: HttpStatus.TOO_MANY_REQUESTS,
};

export class RegistrationError extends DomainError<RegistrationErrorCode> {}
