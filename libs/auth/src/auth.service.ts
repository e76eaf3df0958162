import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { CommonError } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth-error';
import { AuthUser, toAuthUser } from './auth-user';
import { LoginDto } from './dto/signup.dto';
import { TokenResponseDto, UserResponseDto } from './dto/user-response.dto';
import { PlatformRole, User } from './entities/user.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { decoyHash, verifyPassword } from './password';

interface TokenPayload {
  sub: string;
  /** The user's token version when signed: a reset or password change bumps it, ending the session. */
  ver: number;
  /** Expiry (seconds since the epoch), set by signAsync's expiresIn. */
  exp?: number;
  nbf?: number;
}

/** Tokens whose signature was checked, at most this many remembered (then forgotten all at once). */
const VERIFIED_TOKENS = 10_000;

/** The columns of a user that a session needs. */
interface SessionUserRow {
  id: string;
  email: string;
  email_verified_at: Date | null;
  token_version: number | string;
  name: string;
  locale: string;
  time_zone: string;
  platform_role: PlatformRole | null;
}

/** Sessions: login, and turning a bearer token back into a user (whose token version must still match). */
@Injectable()
export class AuthService {
  private readonly ttlSeconds: number;
  /**
   * Payloads of tokens whose HS256 signature already verified, by the token's exact text: a client sends the
   * same token on every request, and the signature and claims checks cost more than the session read after
   * them. Expiry is still checked on each use, and the user's row (token version) is still read each time.
   */
  private readonly verified = new Map<string, TokenPayload>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly rateLimiter: LoginRateLimiter,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlSeconds = config.get('auth.jwtTtlSeconds', { infer: true });
  }

  async login(dto: LoginDto, ip: string): Promise<TokenResponseDto> {
    await this.rateLimiter.countAttempt(dto.email, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: dto.email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), dto.password);
    if (!user || !ok) throw new AuthError(AuthErrorCode.InvalidCredentials, 'Email or password is wrong');
    await this.rateLimiter.succeeded(dto.email, ip);
    return this.sessionFor(user);
  }

  /** Verifies a bearer token and loads its user; any problem is one 401. */
  async authenticate(token: string): Promise<AuthUser> {
    const payload = await this.verifiedPayload(token);
    // Every authenticated request runs this: a plain statement of the columns an AuthUser needs, not a query builder.
    const [user]: SessionUserRow[] =
      typeof payload.sub === 'string'
        ? await this.users.query(
            `SELECT id, email, email_verified_at, token_version, name, locale, time_zone, platform_role
               FROM users WHERE id = ?`,
            [payload.sub],
          )
        : [];
    if (!user) throw new AuthError(AuthErrorCode.InvalidToken, 'Token is not valid');
    if ((payload.ver ?? 0) !== Number(user.token_version)) {
      throw new AuthError(AuthErrorCode.InvalidToken, 'This session has ended (the password was changed or reset)');
    }
    return {
      id: user.id,
      email: user.email,
      emailVerified: user.email_verified_at !== null,
      name: user.name,
      locale: user.locale,
      timeZone: user.time_zone,
      platformRole: user.platform_role,
    };
  }

  /** The token's payload once its signature and claims hold (checked once per token text); expiry on every call. */
  private async verifiedPayload(token: string): Promise<TokenPayload> {
    const known = this.verified.get(token);
    if (known) {
      if (typeof known.exp === 'number' && Math.floor(Date.now() / 1000) < known.exp) return known;
      this.verified.delete(token);
    }
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new AuthError(AuthErrorCode.InvalidToken, expired ? 'Token has expired' : 'Token is not valid');
    }
    // only tokens that expire and carry no not-before claim: the cached check above is then the whole time check
    if (typeof payload.exp === 'number' && payload.nbf === undefined) {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
      this.verified.set(token, payload);
    }
    return payload;
  }

  async findUser(id: string): Promise<AuthUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw CommonError.notFound('User');
    return toAuthUser(user);
  }

  /** A bearer token for this user at their current token version. */
  async sessionFor(user: User): Promise<TokenResponseDto> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, ver: user.tokenVersion } satisfies TokenPayload, {
      expiresIn: this.ttlSeconds,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.ttlSeconds,
      user: UserResponseDto.from(toAuthUser(user)),
    };
  }

  /**
   * The user proved they read mail at their address another way (an
   * invitation mailed to it, used by them): their address counts as confirmed.
   */
  async markEmailVerified(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(User).update({ id: userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
  }
}
