import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import Redis from 'ioredis';
import { AuthError, AuthErrorCode } from './auth-error';

/** How many (e-mail, address) pairs' worth of attempts one e-mail may take across addresses. */
const EMAIL_FACTOR = 10;
/** How many more attempts one client address may make, across e-mails, than one pair. */
const IP_FACTOR = 10;

/**
 * Counts one attempt and says whether it may be evaluated, atomically, before
 * any password is checked: KEYS = pair, email, ip; ARGV = window, pair limit,
 * email limit, ip limit. An attempt already refused for its pair does not
 * count against the e-mail or the address, so one address hammering an
 * account adds at most `pair limit` to the account's shared count: locking
 * the owner out needs EMAIL_FACTOR addresses, and even then only the window.
 * Returns 0 (allowed) or the number of the key that refused (1, 2, 3).
 */
const COUNT_ATTEMPT = `
local window = tonumber(ARGV[1])
local pair = redis.call('INCR', KEYS[1])
if pair == 1 then redis.call('EXPIRE', KEYS[1], window) end
if pair > tonumber(ARGV[2]) then return 1 end
local email = redis.call('INCR', KEYS[2])
if email == 1 then redis.call('EXPIRE', KEYS[2], window) end
local ip = redis.call('INCR', KEYS[3])
if ip == 1 then redis.call('EXPIRE', KEYS[3], window) end
if email > tonumber(ARGV[3]) then return 2 end
if ip > tonumber(ARGV[4]) then return 3 end
return 0
`;

/** Forgets the pair's count and gives back one attempt to the e-mail's and the address's counts, if still live. */
const GIVE_BACK = `
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if redis.call('GET', KEYS[i]) and tonumber(redis.call('GET', KEYS[i])) > 0 then redis.call('DECR', KEYS[i]) end
end
return 0
`;

/**
 * Login attempts per (e-mail, client address), per e-mail across addresses
 * (a ceiling EMAIL_FACTOR times higher) and per address across e-mails, in
 * Redis so the limits hold across every api process. Every attempt is counted
 * before its password is evaluated, so N parallel attempts evaluate at most the
 * limit. A successful login gives back what it counted. If Redis is
 * unreachable the attempt goes through (and the log says so): an outage of
 * the counter store must not lock every delegate out of the forum.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private readonly settings: AppConfig['auth'];
  private readonly redisConfig: AppConfig['redis'];

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = config.get('auth', { infer: true });
    this.redisConfig = config.get('redis', { infer: true });
  }

  /** Counts this attempt; throws RATE_LIMITED when it is over a limit. */
  async countAttempt(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const limit = this.settings.loginRateLimit;
    let refusedBy: number;
    try {
      refusedBy = Number(
        await this.redis.eval(
          COUNT_ATTEMPT,
          keys.length,
          ...keys,
          this.settings.loginRateWindowSeconds,
          limit,
          limit * EMAIL_FACTOR,
          limit * IP_FACTOR,
        ),
      );
    } catch (error) {
      this.logger.warn(`Login rate limit not checked, Redis unavailable: ${(error as Error).message}`);
      return;
    }
    if (refusedBy === 0) return;
    const retryAfter = await this.redis.ttl(keys[refusedBy - 1]).catch(() => -1);
    throw new AuthError(AuthErrorCode.RateLimited, 'Too many login attempts; try again later', {
      retryAfterSeconds: retryAfter > 0 ? retryAfter : this.settings.loginRateWindowSeconds,
    });
  }

  /** The owner got in from this address: forget its pair's failures and give back this attempt. */
  async succeeded(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    try {
      await this.redis.eval(GIVE_BACK, keys.length, ...keys);
    } catch (error) {
      this.logger.warn(`Login success not recorded, Redis unavailable: ${(error as Error).message}`);
    }
  }

  private keys(email: string, ip: string): [string, string, string] {
    return [
      redisKey(this.redisConfig, 'login', 'pair', email, ip),
      redisKey(this.redisConfig, 'login', 'email', email),
      redisKey(this.redisConfig, 'login', 'ip', ip),
    ];
  }
}
