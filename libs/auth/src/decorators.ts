import { createParamDecorator, ExecutionContext, SetMetadata, Type, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import { AuthUser } from './auth-user';
import { AccessPolicy } from './policies/access-policy';

export const IS_PUBLIC = 'roundtable:public';
export const POLICIES = 'roundtable:policies';

/** The route needs no token (a token, if sent, is still checked and used). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The caller must satisfy at least one of these policies, e.g.
 * `@Allow(EventOrganiserPolicy)` or `@Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)`.
 */
export const Allow = (...policies: Type<AccessPolicy>[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(POLICIES, policies),
    ApiForbiddenResponse({ description: 'Not allowed for this caller' }),
  );

export const Authenticated = (): MethodDecorator & ClassDecorator => applyDecorators(ApiBearerAuth());

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
