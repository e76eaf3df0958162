import { createParamDecorator, ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiErrors, ApiPublic, CommonErrorCode } from '@roundtable/common';
import { AuthUser } from './auth-user';
import { AccessPolicyType } from './policies/access-policy';

export const IS_PUBLIC = 'roundtable:public';
export const POLICIES = 'roundtable:policies';

/** The route needs no token (a token, if sent, is still checked and used). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiPublic());

/**
 * The caller must satisfy at least one of these policies, e.g.
 * `@Allow(EventOrganiserPolicy)` or `@Allow(RegistrationOwnerPolicy, EventOrganiserPolicy)`.
 * Documents FORBIDDEN and the codes the policies themselves can answer.
 */
export const Allow = (...policies: AccessPolicyType[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(POLICIES, policies),
    ApiErrors(CommonErrorCode.Forbidden, ...policies.flatMap((p) => p.errorCodes ?? [])),
  );

export const Authenticated = (): MethodDecorator & ClassDecorator => applyDecorators(ApiBearerAuth());

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
