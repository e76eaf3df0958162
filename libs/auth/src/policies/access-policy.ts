import { Request } from 'express';
import { AuthUser } from '../auth-user';

/**
 * One rule about who may act on a resource named in the request (usually by
 * route parameters): "this event's organisers", "the delegate who owns this
 * registration", "this session's speakers". Feature modules implement and
 * provide their policies; routes name them with `@Allow(...)`. A policy may
 * throw a not-found error when the resource itself does not exist.
 */
export interface AccessPolicy {
  allows(user: AuthUser, request: Request): Promise<boolean>;
}

/** Platform admins pass every policy check. */
export class PlatformAdminPolicy implements AccessPolicy {
  allows(user: AuthUser): Promise<boolean> {
    return Promise.resolve(user.platformRole === 'admin');
  }
}
