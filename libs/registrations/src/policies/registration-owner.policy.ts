import { Injectable } from '@nestjs/common';
import { AccessPolicy, AuthUser } from '@roundtable/auth';
import type { FastifyRequest } from 'fastify';
import { RegistrationAccessService } from '../registration-access.service';
import { RegistrationErrorCode } from '../registration-error';

/** Only the delegate who owns the registration named by `:eventId` / `:registrationId`. */
@Injectable()
export class RegistrationOwnerPolicy implements AccessPolicy {
  static readonly errorCodes = [RegistrationErrorCode.RegistrationNotFound];

  constructor(private readonly access: RegistrationAccessService) {}

  async allows(user: AuthUser, request: FastifyRequest): Promise<boolean> {
    const { eventId, registrationId } = request.params as Record<string, string | undefined>;
    if (typeof eventId !== 'string' || typeof registrationId !== 'string') return false;
    const registration = await this.access.getRegistration(eventId, registrationId);
    return registration.userId === user.id;
  }
}
