import { Injectable } from '@nestjs/common';
import { AccessPolicy, AuthUser } from '@roundtable/auth';
import type { FastifyRequest } from 'fastify';
import { EventAccessService } from '../event-access.service';
import { EventErrorCode } from '../event-error';

/**
 * Only organisers of the event named by the route's `:eventId`. A draft event
 * is a 404 to everyone else (its existence is not revealed); a visible event
 * is a 403.
 */
@Injectable()
export class EventOrganiserPolicy implements AccessPolicy {
  static readonly errorCodes = [EventErrorCode.EventNotFound];

  constructor(private readonly access: EventAccessService) {}

  async allows(user: AuthUser, request: FastifyRequest): Promise<boolean> {
    const eventId = (request.params as Record<string, string | undefined>).eventId;
    if (typeof eventId !== 'string') return false;
    await this.access.getVisibleEvent(eventId, user);
    return this.access.isOrganiser(eventId, user);
  }
}
