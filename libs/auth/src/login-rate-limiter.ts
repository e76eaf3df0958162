import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import Redis from 'ioredis';
import { AuthError, AuthErrorCode } from './auth-error';

/** How many more failures one client address may make than one email address. */
const IP_FACTOR = 10;

/**
 * Counts failed logins per email and per client address in Redis, so the limit
 * holds across every api process. If Redis is unreachable the limiter lets the
 * attempt through (and says so in the log): an outage of the counter store
 * must not lock every delegate out of the forum.
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

  async assertAllowed(email: string, ip: string): Promise<void> {
    const counts = await this.read(email, ip);
    if (!counts) return;
    const [byEmail, byIp] = counts;
    if (byEmail >= this.settings.loginRateLimit || byIp >= this.settings.loginRateLimit * IP_FACTOR) {
      const retryAfter = await this.redis
        .ttl(this.keys(email, ip)[byEmail >= this.settings.loginRateLimit ? 0 : 1])
        .catch(() => -1);
      throw new AuthError(AuthErrorCode.RateLimited, 'Too many failed logins; try again later', {
        retryAfterSeconds: retryAfter > 0 ? retryAfter : this.settings.loginRateWindowSeconds,
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.settings.loginRateWindowSeconds;
    try {
      const tx = this.redis.multi();
      for (const key of this.keys(email, ip)) tx.incr(key).expire(key, window, 'NX');
      await tx.exec();
    } catch (error) {
      this.logger.warn(`Login failure not counted, Redis unavailable: ${(error as Error).message}`);
    }
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]).catch(() => undefined);
  }

  private async read(email: string, ip: string): Promise<[number, number] | null> {
    try {
      const values = await this.redis.mget(...this.keys(email, ip));
      return [Number(values[0] ?? 0), Number(values[1] ?? 0)];
    } catch (error) {
      this.logger.warn(`Login rate limit not checked, Redis unavailable: ${(error as Error).message}`);
      return null;
    }
  }

  private keys(email: string, ip: string): [string, string] {
    return [redisKey(this.redisConfig, 'login', 'email', email), redisKey(this.redisConfig, 'login', 'ip', ip)];
  }
}
