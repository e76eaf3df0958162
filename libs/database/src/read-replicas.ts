import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@roundtable/config';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import Redis from 'ioredis';
import { DataSource, EntityManager } from 'typeorm';

/** Who is reading, and about which event: what decides whether a replica's lag could show. */
export interface ReadContext {
  /** The signed-in reader: after their own write they read from the primary for a while. */
  userId?: string;
  /** The event read about: after it changed, its public reads come from the primary for a while. */
  eventId?: string;
}

/**
 * Sends the reads that tolerate a little lag (public agenda, directory,
 * recommendations, reports) to a read replica (`DB_READ_HOSTS`), and keeps
 * "my own write is visible to me at once": a write marks its user and its
 * event in Redis for `DB_READ_YOUR_WRITES_SECONDS`, and while marked their
 * reads go to the primary. Everything else (every transaction, every write,
 * every read nobody routed here) uses the primary: the data source's default.
 * If Redis cannot say, the read goes to the primary. Without replicas this is
 * a plain read on the primary that never asks Redis.
 */
@Injectable()
export class ReadReplicas {
  private readonly logger = new Logger(ReadReplicas.name);
  readonly enabled: boolean;
  private readonly windowMs: number;
  private readonly redisConfig: AppConfig['redis'];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    const db = config.get('db', { infer: true });
    this.enabled = db.readHosts.length > 0;
    this.windowMs = db.readYourWritesSeconds * 1000;
    this.redisConfig = config.get('redis', { infer: true });
  }

  /** Runs `work` on a replica when nothing in `context` was written recently, else on the primary. */
  async read<T>(context: ReadContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.enabled || !(await this.replicaIsSafe(context))) return work(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /** Call once a write by `userId` (and/or about `eventId`) has committed. */
  async noteWrite(context: ReadContext): Promise<void> {
    if (!this.enabled || this.windowMs === 0) return;
    const keys = this.keys(context);
    if (keys.length === 0) return;
    try {
      const multi = this.redis.multi();
      for (const key of keys) multi.set(key, '1', 'PX', this.windowMs);
      await multi.exec();
    } catch (error) {
      this.logger.warn(`Could not mark a recent write (${keys.join(', ')}): ${(error as Error).message}`);
    }
  }

  private async replicaIsSafe(context: ReadContext): Promise<boolean> {
    const keys = this.keys(context);
    if (keys.length === 0 || this.windowMs === 0) return true;
    try {
      return (await this.redis.exists(...keys)) === 0;
    } catch {
      return false;
    }
  }

  private keys(context: ReadContext): string[] {
    return [
      ...(context.userId ? [redisKey(this.redisConfig, 'wrote', 'user', context.userId)] : []),
      ...(context.eventId ? [redisKey(this.redisConfig, 'wrote', 'event', context.eventId)] : []),
    ];
  }
}
