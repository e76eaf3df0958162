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
}

export class RegistrationError extends DomainError<RegistrationErrorCode> {}
