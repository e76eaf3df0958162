import { AuthError, AuthErrorCode } from './auth-error';
import { PlatformRole, User } from './entities/user.entity';

/** Who is calling: attached to the request by the JWT guard. */
export interface AuthUser {
  id: string;
  email: string;
  /** Whether the owner of the mailbox confirmed `email`: only then does anything matched by address apply. */
  emailVerified: boolean;
  name: string;
  locale: string;
  timeZone: string;
  platformRole: PlatformRole | null;
}

export const toAuthUser = (user: User): AuthUser => ({
  id: user.id,
  email: user.email,
  emailVerified: user.emailVerifiedAt !== null,
  name: user.name,
  locale: user.locale,
  timeZone: user.timeZone,
  platformRole: user.platformRole,
});

export const isAdmin = (user: AuthUser | undefined): boolean => user?.platformRole === 'admin';

/** Refuses what needs a confirmed address (sending invitations, accepting a role offered by e-mail). */
export function assertEmailVerified(user: AuthUser, action: string): void {
  if (!user.emailVerified) {
    throw new AuthError(
      AuthErrorCode.EmailNotVerified,
      `Confirm your e-mail address before you ${action} (POST /auth/verify-email/resend sends the link again)`,
    );
  }
}
