import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Locale, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { OutboxService } from '@roundtable/notifications';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';
import { AuthError, AuthErrorCode } from './auth-error';
import { AuthService } from './auth.service';
import { AuthUser, toAuthUser } from './auth-user';
import { ChangePasswordDto, ResetPasswordDto, SignupDto, UpdateMeDto } from './dto/signup.dto';
import { TokenResponseDto } from './dto/user-response.dto';
import { AccountToken, AccountTokenPurpose } from './entities/account-token.entity';
import { User } from './entities/user.entity';
import { UserLookupService } from './user-lookup.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { hashPassword, verifyPassword } from './password';
import { AccountLinkPayload } from './templates/account-templates';

/** How long a link works: a confirmation can wait for the mail; a reset should not. */
const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  'verify-email': 48 * 3600_000,
  'reset-password': 30 * 60_000,
};
const MAIL_TYPE: Record<AccountTokenPurpose, string> = {
  'verify-email': 'account-verify-email',
  'reset-password': 'account-reset-password',
};
/** Account mails (confirmations, resets, "you already have an account") per address per hour. */
const ACCOUNT_MAILS_PER_HOUR = 5;

export const hashAccountToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The account's life around its password: sign-up that reveals nothing about
 * which addresses have accounts, e-mail confirmation, password reset and
 * change. Every link is a single-use token stored hashed; every reset or
 * change ends every session (the token version in the JWT).
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);
  private readonly redisConfig: AppConfig['redis'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
    private readonly loginLimiter: LoginRateLimiter,
    private readonly lookup: UserLookupService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.redisConfig = config.get('redis', { infer: true });
  }

  /**
   * The same answer for every address. A new address gets an unconfirmed
   * account and a confirmation mail; a confirmed one gets "you already have an
   * account"; an unconfirmed one gets a confirmation of its own that, clicked,
   * sets this sign-up's password (so an earlier sign-up by someone else with
   * this address keeps nothing).
   */
  async signup(dto: SignupDto): Promise<void> {
    await this.countAccountMail(dto.email);
    const passwordHash = await hashPassword(dto.password);
    await inTransaction(this.dataSource, async (em) => {
      const existing = await em
        .getRepository(User)
        .findOne({ where: { email: dto.email }, lock: { mode: 'pessimistic_write' } });
      if (existing?.emailVerifiedAt) {
        await this.outbox.enqueue(em, {
          type: 'account-exists',
          dedupeKey: `account-exists:${existing.id}:${newId()}`,
          recipient: {
            userId: existing.id,
            email: existing.email,
            name: existing.name,
            locale: existing.locale as Locale,
            timeZone: existing.timeZone,
          },
          payload: {},
        });
        return;
      }
      let user = existing;
      if (!user) {
        user = em.getRepository(User).create({
          id: newId(),
          email: dto.email,
          emailVerifiedAt: null,
          passwordHash,
          tokenVersion: 0,
          name: dto.name.trim(),
          locale: dto.locale ?? 'en',
          timeZone: dto.timeZone ?? 'UTC',
          platformRole: null,
        });
        try {
          await em.getRepository(User).insert(user);
        } catch (error) {
          // a parallel sign-up with the same address won; it mails its own confirmation
          if (isDuplicateKey(error, 'uq_users_email')) return;
          throw error;
        }
      }
      await this.issue(em, user, 'verify-email', { passwordHash, supersede: false });
    });
  }

  /** Confirms the address; returns a fresh session (every earlier one ends). */
  async verifyEmail(token: string): Promise<TokenResponseDto> {
    const user = await inTransaction(this.dataSource, async (em) => {
      const row = await this.use(em, token, 'verify-email');
      const user = await em.getRepository(User).findOneByOrFail({ id: row.userId });
      await em.getRepository(User).update(
        { id: user.id },
        {
          emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
          tokenVersion: () => 'token_version + 1',
          ...(row.passwordHash ? { passwordHash: row.passwordHash } : {}),
        },
      );
      // the other sign-ups' confirmations for this address die with this one
      await this.retire(em, user.id, 'verify-email');
      return em.getRepository(User).findOneByOrFail({ id: user.id });
    });
    return this.auth.sessionFor(user);
  }

  /** Another confirmation mail for the signed-in, unconfirmed account (nothing when already confirmed). */
  async resendVerification(caller: AuthUser): Promise<void> {
    if (caller.emailVerified) return;
    await this.countAccountMail(caller.email);
    await inTransaction(this.dataSource, async (em) => {
      const user = await em.getRepository(User).findOneByOrFail({ id: caller.id });
      if (user.emailVerifiedAt) return;
      await this.issue(em, user, 'verify-email', { passwordHash: null, supersede: false });
    });
  }

  /** The same answer whether or not the address has an account; only an account gets a mail. */
  async forgotPassword(email: string): Promise<void> {
    await this.countAccountMail(email);
    await inTransaction(this.dataSource, async (em) => {
      const user = await em.getRepository(User).findOne({ where: { email }, lock: { mode: 'pessimistic_write' } });
      if (user) await this.issue(em, user, 'reset-password', { passwordHash: null, supersede: true });
    });
  }

  /** Sets the new password, confirms the address (the link was mailed to it) and ends every session. */
  async resetPassword(dto: ResetPasswordDto): Promise<TokenResponseDto> {
    const passwordHash = await hashPassword(dto.password);
    const user = await inTransaction(this.dataSource, async (em) => {
      const row = await this.use(em, dto.token, 'reset-password');
      const user = await em.getRepository(User).findOneByOrFail({ id: row.userId });
      await em.getRepository(User).update(
        { id: user.id },
        {
          passwordHash,
          emailVerifiedAt: user.emailVerifiedAt ?? new Date(),
          tokenVersion: () => 'token_version + 1',
        },
      );
      await this.retire(em, user.id, 'reset-password');
      return em.getRepository(User).findOneByOrFail({ id: user.id });
    });
    return this.auth.sessionFor(user);
  }

  /** Needs the current password (counted like a login attempt); ends every other session. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto, ip: string): Promise<TokenResponseDto> {
    await this.loginLimiter.countAttempt(caller.email, ip);
    const current = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: caller.id })
      .getOneOrFail();
    if (!(await verifyPassword(current.passwordHash, dto.currentPassword))) {
      throw new AuthError(AuthErrorCode.WrongPassword, 'The current password is wrong');
    }
    await this.loginLimiter.succeeded(caller.email, ip);
    const passwordHash = await hashPassword(dto.newPassword);
    const user = await inTransaction(this.dataSource, async (em) => {
      await em.getRepository(User).update({ id: caller.id }, { passwordHash, tokenVersion: () => 'token_version + 1' });
      await this.retire(em, caller.id, 'reset-password');
      return em.getRepository(User).findOneByOrFail({ id: caller.id });
    });
    return this.auth.sessionFor(user);
  }

  /** Name, language and home time zone: only the fields given change. */
  async updateProfile(caller: AuthUser, dto: UpdateMeDto): Promise<AuthUser> {
    const changes: Partial<User> = {};
    // null, like an absent field, changes nothing (@IsOptional lets it through; the columns are NOT NULL)
    if (dto.name != null) changes.name = dto.name;
    if (dto.locale != null) changes.locale = dto.locale;
    if (dto.timeZone != null) changes.timeZone = dto.timeZone;
    if (Object.keys(changes).length === 0)
      return toAuthUser(await this.dataSource.getRepository(User).findOneByOrFail({ id: caller.id }));
    return inTransaction(this.dataSource, async (em) => {
      await em.getRepository(User).update({ id: caller.id }, changes);
      if (changes.name !== undefined) await this.lookup.announceRename(em, caller.id);
      return toAuthUser(await em.getRepository(User).findOneByOrFail({ id: caller.id }));
    });
  }

  /** A new single-use token and its mail, in the caller's transaction. */
  private async issue(
    em: EntityManager,
    user: User,
    purpose: AccountTokenPurpose,
    options: { passwordHash: string | null; supersede: boolean },
  ): Promise<void> {
    if (options.supersede) await this.retire(em, user.id, purpose);
    const token = randomBytes(32).toString('base64url');
    const row: Partial<AccountToken> = {
      id: newId(),
      userId: user.id,
      purpose,
      tokenHash: hashAccountToken(token),
      passwordHash: options.passwordHash,
      expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
      usedAt: null,
    };
    await em.getRepository(AccountToken).insert(row);
    await this.outbox.enqueue(em, {
      type: MAIL_TYPE[purpose],
      dedupeKey: `${MAIL_TYPE[purpose]}:${row.id}`,
      recipient: {
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale as Locale,
        timeZone: user.timeZone,
      },
      payload: { tokenId: row.id!, token, expiresAt: row.expiresAt!.toISOString() } satisfies AccountLinkPayload,
    });
  }

  /** Marks the token used, or says exactly why it cannot be: unknown (400), used or expired (410). */
  private async use(em: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    const row = await em
      .getRepository(AccountToken)
      .createQueryBuilder('t')
      .addSelect('t.passwordHash')
      .where('t.tokenHash = :hash AND t.purpose = :purpose', { hash: hashAccountToken(token), purpose })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw new AuthError(AuthErrorCode.LinkInvalid, 'This link is not valid');
    if (row.usedAt) throw new AuthError(AuthErrorCode.LinkUsed, 'This link has already been used');
    if (row.expiresAt.getTime() <= Date.now()) throw new AuthError(AuthErrorCode.LinkExpired, 'This link has expired');
    await em.getRepository(AccountToken).update({ id: row.id }, { usedAt: new Date() });
    return row;
  }

  /** Every still-usable token of this purpose stops working (a newer one was used or issued). */
  private async retire(em: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await em.query('UPDATE account_tokens SET used_at = NOW(3) WHERE user_id = ? AND purpose = ? AND used_at IS NULL', [
      userId,
      purpose,
    ]);
  }

  /**
   * At most ACCOUNT_MAILS_PER_HOUR account mails to one address, counted per
   * address whether or not it has an account, so the limit says nothing either.
   */
  private async countAccountMail(email: string): Promise<void> {
    const key = redisKey(this.redisConfig, 'account-mail', email);
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await this.redis.multi().incr(key).expire(key, 3600, 'NX').ttl(key).exec();
    } catch (error) {
      this.logger.warn(`Account mail limit not checked, Redis unavailable: ${(error as Error).message}`);
      return;
    }
    const count = Number(replies?.[0]?.[1] ?? 0);
    const ttl = Number(replies?.[2]?.[1] ?? -1);
    if (count > ACCOUNT_MAILS_PER_HOUR) {
      throw new AuthError(AuthErrorCode.RateLimited, 'Too many mails to this address; try again later', {
        retryAfterSeconds: ttl > 0 ? ttl : 3600,
      });
    }
  }
}
