import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { chunks } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { JobName, QueueName, RefreshRecommendationsJob } from '@roundtable/queue';
import { DelegateProfilesService } from '@roundtable/registrations';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { RecommendationsRepository } from './recommendations.repository';

const SCAN_PAGE = 2_000;
const CLAIM = 1_000;
/** Delegates recomputed by one job. */
const PER_JOB = 200;
/** A claim not finished by then (its worker died, its Redis lost the job) is claimed again. */
const LEASE_MS = 30_000;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Keeps recommendations following the profiles, durably. Each pass (1) reads
 * the registrations' change log (`updated_at` of registrations and
 * companies, through the registrations lib) from a stored watermark and
 * marks every delegate whose profile is older than its change dirty, in
 * MySQL; organisers' new concepts mark a whole event the same way; then
 * (2) claims dirty rows under a lease and hands them to Bull as
 * `refresh-recommendations` jobs. Redis being away only delays step 2: the
 * rows stay dirty and are claimed again when the lease runs out. Nothing
 * in an HTTP request ever waits for Redis.
 */
@Injectable()
export class RecommendationRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RecommendationRelay');
  private readonly pollMs: number;
  private readonly overlapMs: number;
  /**
   * When this process's last complete scan began (the database's clock), 0 before the first. Every change stamped
   * more than the overlap before it had committed by then, so that scan saw it: the next one starts there.
   */
  private lastScanStartedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecommendationsRepository,
    private readonly delegates: DelegateProfilesService,
    @InjectQueue(QueueName.Recommendations) private readonly queue: Queue<RefreshRecommendationsJob>,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pollMs = config.get('recommendations.pollMs', { infer: true });
    this.overlapMs = config.get('recommendations.scanOverlapMs', { infer: true });
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: scan changes into dirty rows, then enqueue what is dirty. Returns delegates enqueued. */
  async tick(): Promise<number> {
    await this.scanChanges();
    return this.enqueueDirty();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`Recommendation pass failed: ${(error as Error).message}`))
        .finally(() => this.schedule(this.pollMs));
    }, delayMs);
  }

  /**
   * Marks dirty every delegate changed since the last scan whose profile predates the change. A change is
   * stamped (`updated_at`) when its statement runs and seen once its transaction commits, so each scan re-reads
   * the overlap before where the last one began (and before the newest change seen, for the first scan of a
   * process): a change stamped then but committed late is still found. Only that far back: after a bulk import
   * and then quiet, a scan reads nothing, not the import's thousands of rows every poll. Returns the changes
   * read and the delegates marked.
   */
  async scanChanges(): Promise<{ read: number; marked: number }> {
    const scan = await this.dataSource.transaction(async (em) => {
      const mark = await this.repository.watermark(em); // locked: one scanner at a time
      const from = Math.max(mark.at.getTime(), this.lastScanStartedAt) - this.overlapMs;
      let after = { at: new Date(from), id: '' };
      let newest: { at: Date; id: string } = mark;
      let read = 0;
      let marked = 0;
      for (;;) {
        const changes = await this.delegates.changedSince(after, SCAN_PAGE);
        if (changes.length === 0) break;
        read += changes.length;
        const stamps = await this.repository.profileStamps(
          em,
          changes.map((c) => c.registrationId),
        );
        const stale = changes.filter((c) => {
          const built = stamps.get(c.registrationId);
          return !built || built < c.changedAt;
        });
        await this.repository.markDirty(
          em,
          stale.map((c) => ({ registrationId: c.registrationId, eventId: c.eventId, at: c.changedAt })),
        );
        marked += stale.length;
        const last = changes[changes.length - 1];
        after = { at: last.changedAt, id: last.registrationId };
        if (last.changedAt > newest.at) newest = { at: last.changedAt, id: last.registrationId };
        if (changes.length < SCAN_PAGE) break;
      }
      if (newest !== mark) await this.repository.setWatermark(em, newest.at, newest.id);
      return { read, marked, startedAt: mark.now.getTime() };
    });
    // committed: what it marked is durable, so the next scan may start from this one
    this.lastScanStartedAt = Math.max(this.lastScanStartedAt, scan.startedAt);
    return { read: scan.read, marked: scan.marked };
  }

  /** Claims dirty delegates and enqueues them per event, at most PER_JOB a job. */
  async enqueueDirty(): Promise<number> {
    const leasedUntil = new Date(Date.now() + LEASE_MS);
    const claimed = await this.repository.claimDirty(leasedUntil, CLAIM);
    if (claimed.length === 0) return 0;
    const byEvent = new Map<string, string[]>();
    for (const c of claimed) byEvent.set(c.eventId, [...(byEvent.get(c.eventId) ?? []), c.registrationId]);
    const jobs = [...byEvent].flatMap(([eventId, ids]) =>
      chunks(ids, PER_JOB).map((registrationIds) => ({
        name: JobName.RefreshRecommendations,
        data: { eventId, registrationIds },
        opts: {
          jobId: `${eventId}:${registrationIds[0]}:${leasedUntil.getTime()}`,
          removeOnComplete: true,
          removeOnFail: 1000,
          attempts: 3,
          backoff: { type: 'exponential', delay: 1_000 },
        },
      })),
    );
    try {
      await withTimeout(this.queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS);
      return claimed.length;
    } catch (error) {
      await this.repository.releaseDirty(claimed.map((c) => c.registrationId));
      this.logger.warn(
        `Could not enqueue ${claimed.length} recommendation refresh(es), will retry: ${(error as Error).message}`,
      );
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
