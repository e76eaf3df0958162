import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { chunks } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { JobName, mailBatching, QueueName, SendMailJob } from '@roundtable/queue';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';

const BATCH = 500;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves due outbox rows into the Bull `mail` queue, and gives back rows whose
 * lease ran out (a Redis that lost its jobs, a worker that died). Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so any number of workers can relay at
 * once without two of them taking the same row; each job carries a batch of
 * the claimed rows (see `mailBatching`). Job ids are unique per claim
 * (`<id>:<attempt>:<lease>`): a row re-relayed after its lease expired gets a
 * new job even while the old one is stuck with a dead worker; the row lock
 * and status check make the extra job a no-op.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OutboxRelay');
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Mail) private readonly queue: Queue<SendMailJob>,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pollMs = config.get('mail.pollMs', { infer: true });
    this.leaseMs = config.get('mail.leaseMs', { infer: true });
    this.batchSize = mailBatching(config.get('mail.ratePerSecond', { infer: true })).batchSize;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Starts polling (again, after `onModuleDestroy` stopped it). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: hand back expired leases, then relay due rows batch by batch. Returns rows relayed. */
  async tick(): Promise<number> {
    await this.reconcile();
    let total = 0;
    for (;;) {
      const relayed = await this.relayBatch();
      total += relayed;
      if (relayed < BATCH || this.stopped) return total;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`Relay pass failed: ${(error as Error).message}`))
        .finally(() => this.schedule(this.pollMs));
    }, delayMs);
  }

  /**
   * Rows queued whose lease expired were never confirmed by a worker: make them
   * due again. A row a worker is sending right now is locked and skipped.
   */
  async reconcile(): Promise<number> {
    const ids = await this.dataSource.transaction(async (em) => {
      const rows = await em.query<{ id: string }[]>(
        `SELECT id FROM outbox WHERE status = 'queued' AND leased_until < ? LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [new Date()],
      );
      if (rows.length > 0) {
        await em.query(
          `UPDATE outbox SET status = 'pending', leased_until = NULL WHERE id IN (${rows.map(() => '?').join(', ')})`,
          rows.map((r) => r.id),
        );
      }
      return rows;
    });
    if (ids.length > 0) this.logger.log(`Re-relaying ${ids.length} mail(s) whose lease expired`);
    return ids.length;
  }

  private async relayBatch(): Promise<number> {
    const now = new Date();
    const leasedUntil = new Date(now.getTime() + this.leaseMs);
    const claimed = await this.dataSource.transaction(async (em) => {
      const rows = await em.query<{ id: string; attempts: number }[]>(
        `SELECT id, attempts FROM outbox WHERE status = 'pending' AND due_at <= ?
          ORDER BY due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (rows.length === 0) return rows;
      await em.query(
        `UPDATE outbox SET status = 'queued', leased_until = ? WHERE id IN (${rows.map(() => '?').join(', ')})`,
        [leasedUntil, ...rows.map((r) => r.id)],
      );
      return rows;
    });
    if (claimed.length === 0) return 0;
    try {
      await withTimeout(
        this.queue.addBulk(
          chunks(claimed, this.batchSize).map((rows) => ({
            name: JobName.SendMail,
            data: { outboxIds: rows.map((row) => row.id) },
            opts: {
              jobId: `${rows[0].id}:${rows[0].attempts}:${leasedUntil.getTime()}`,
              removeOnComplete: true,
              removeOnFail: 1000,
              attempts: 1,
            },
          })),
        ),
        ENQUEUE_TIMEOUT_MS,
      );
      return claimed.length;
    } catch (error) {
      // Redis away: the rows wait in MySQL, untouched, for the next pass
      await this.dataSource.query(
        `UPDATE outbox SET status = 'pending', leased_until = NULL
          WHERE status = 'queued' AND id IN (${claimed.map(() => '?').join(', ')})`,
        claimed.map((r) => r.id),
      );
      this.logger.warn(`Could not enqueue ${claimed.length} mail(s), will retry: ${(error as Error).message}`);
      return 0;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
