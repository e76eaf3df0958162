import { Type } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from '../auth-user';

/**
 * One rule about who may act on a resource named in the request (usually by
 * route parameters): "this event's organisers", "the delegate who owns this
 * registration", "this session's speakers". Feature modules implement and
 * provide their policies; routes name them with `@Allow(...)`. A policy may
 * throw a not-found error when the resource itself does not exist.
 */
export interface AccessPolicy {
  allows(user: AuthUser, request: FastifyRequest): Promise<boolean>;
}

/**
 * A policy class; its optional static `errorCodes` names the codes its check
 * can answer besides FORBIDDEN (e.g. EVENT_NOT_FOUND), so `@Allow` documents them.
 */
export type AccessPolicyType = Type<AccessPolicy> & { readonly errorCodes?: readonly string[] };

/** Platform admins pass every policy check. */
export class PlatformAdminPolicy implements AccessPolicy {
  allows(user: AuthUser): Promise<boolean> {
    return Promise.resolve(user.platformRole === 'admin');
  }
}
