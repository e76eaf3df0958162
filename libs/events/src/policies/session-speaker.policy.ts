import { Injectable } from '@nestjs/common';
import { AccessPolicy, AuthErrorCode, AuthUser } from '@roundtable/auth';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '../sessions.service';

/** Only speakers and moderators of the session named by `:eventId` / `:sessionId`. */
@Injectable()
export class SessionSpeakerPolicy implements AccessPolicy {
  static readonly errorCodes = [AuthErrorCode.EmailNotVerified];

  constructor(private readonly sessions: SessionsService) {}

  async allows(user: AuthUser, request: FastifyRequest): Promise<boolean> {
    const { eventId, sessionId } = request.params as Record<string, string | undefined>;
    if (typeof eventId !== 'string' || typeof sessionId !== 'string') return false;
    return this.sessions.isSpeaker(eventId, sessionId, user);
  }
}
