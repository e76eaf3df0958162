import { PlatformRole, User } from './entities/user.entity';

/** Who is calling: attached to the request by the JWT guard. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  platformRole: PlatformRole | null;
}

export const toAuthUser = (user: User): AuthUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  timeZone: user.timeZone,
  platformRole: user.platformRole,
});

export const isAdmin = (user: AuthUser | undefined): boolean => user?.platformRole === 'admin';
