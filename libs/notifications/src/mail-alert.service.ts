import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import Redis from 'ioredis';

const ALERT_TTL_SECONDS = 900;

/**
 * The "SMTP refuses our credentials" alarm. Kept in Redis so every api
 * process's /health shows it, whichever worker hit it; it clears itself once
 * mail has flowed again or after a quarter of an hour without new failures.
 */
@Injectable()
export class MailAlertService {
  private readonly logger = new Logger('MailAlert');
  private readonly key: string;
  private raised = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.key = redisKey(config.get('redis', { infer: true }), 'mail', 'auth-alert');
  }

  async raise(reason: string): Promise<void> {
    this.logger.error(`SMTP authentication failed, mail sending paused: ${reason}`);
    this.raised = true;
    await this.redis.set(this.key, reason.slice(0, 500), 'EX', ALERT_TTL_SECONDS).catch(() => undefined);
  }

  /** Called after a successful send: mail flows again, so the alarm is over. */
  async clearIfRaised(): Promise<void> {
    if (this.raised) {
      this.raised = false;
      await this.redis.del(this.key).catch(() => undefined);
    }
  }

  current(): Promise<string | null> {
    return this.redis.get(this.key).catch(() => null);
  }
}
