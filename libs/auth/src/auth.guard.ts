import { CanActivate, ExecutionContext, Injectable, Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { CommonError, CommonErrorCode } from '@roundtable/common';
import type { FastifyRequest } from 'fastify';
import { AuthError, AuthErrorCode } from './auth-error';
import { AuthService } from './auth.service';
import { AuthUser } from './auth-user';
import { IS_PUBLIC, POLICIES } from './decorators';
import { AccessPolicy } from './policies/access-policy';

type AuthedRequest = FastifyRequest & { user?: AuthUser };

/**
 * Global guard: every route needs a valid bearer token unless marked
 * `@Public()`; then the `@Allow(...)` policies of the route (if any) decide,
 * any one of them sufficing, platform admins always passing.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearerToken(request);
    if (token) request.user = await this.auth.authenticate(token);
    if (!request.user) {
      if (isPublic) return true;
      throw new AuthError(AuthErrorCode.InvalidToken, 'A bearer token is required');
    }
    const policies = this.reflector.getAllAndOverride<Type<AccessPolicy>[]>(POLICIES, targets) ?? [];
    if (policies.length === 0 || request.user.platformRole === 'admin') return true;
    for (const policy of policies) {
      const instance = this.moduleRef.get(policy, { strict: false });
      if (await instance.allows(request.user, request)) return true;
    }
    throw new CommonError(CommonErrorCode.Forbidden, 'You are not allowed to do this');
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AuthError(AuthErrorCode.InvalidToken, 'Authorization header must be "Bearer <token>"');
  return match[1];
}
