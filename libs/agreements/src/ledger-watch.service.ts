import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UserLookupService } from '@roundtable/auth';
import { Locale, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction } from '@roundtable/database';
import { EventAccessService, eventNames } from '@roundtable/events';
import { OutboxService } from '@roundtable/notifications';
import { DataSource } from 'typeorm';
import { AgreementsService } from './agreements.service';
import { ChainReport } from './chain';
import { LedgerBrokenMailPayload } from './templates/ledger-broken-template';

/** What one pass found. */
export interface LedgerWatchPass {
  eventsChecked: number;
  /** Events whose chain is broken now. */
  broken: string[];
  /** Of those, the ones whose breakage is new since the last pass (their organisers were mailed). */
  newlyBroken: string[];
}

interface CheckRow {
  breakage_id: string | null;
  broken_seq: number | null;
  broken_reason: string | null;
}

/** A named lock so that, with several workers, one pass runs at a time (the others skip theirs). */
const PASS_LOCK = 'roundtable_ledger_watch';

/**
 * The worker's periodic verification of every agreement ledger (appends only check the tail they
 * build on; an edit deeper in the chain is found here). A broken chain is recorded in
 * agreement_ledger_checks, which /health reads, and mailed to the event's organisers through the
 * outbox once per breakage: the breakage keeps its id, and the mail's dedupe key, until the chain
 * verifies again, however many passes see it.
 */
@Injectable()
export class LedgerWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LedgerWatch');
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    private readonly access: EventAccessService,
    private readonly users: UserLookupService,
    private readonly outbox: OutboxService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.intervalMs = config.get('agreements.verifyIntervalMs', { infer: true });
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.checkAll()
        .catch((error: unknown) => this.logger.error(`Ledger verification failed: ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One pass over every event that has a ledger; null when another process's pass holds the lock. */
  async checkAll(): Promise<LedgerWatchPass | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, 0) AS locked', [PASS_LOCK])) as {
        locked: number | string | null;
      }[];
      if (Number(locked) !== 1) return null;
      try {
        const heads = await this.dataSource.query<{ event_id: string }[]>(
          'SELECT event_id FROM agreement_ledger_heads ORDER BY event_id',
        );
        const pass: LedgerWatchPass = { eventsChecked: 0, broken: [], newlyBroken: [] };
        for (const { event_id: eventId } of heads) {
          if (this.stopped) break;
          const report = await this.agreements.verify(eventId);
          pass.eventsChecked++;
          if (report.valid) {
            await this.recordValid(eventId, report);
            continue;
          }
          pass.broken.push(eventId);
          if (await this.recordBroken(eventId, report)) pass.newlyBroken.push(eventId);
        }
        return pass;
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [PASS_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async recordValid(eventId: string, report: ChainReport): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO agreement_ledger_checks (event_id, checked_at, entries_checked) VALUES (?, ?, ?)
       ON DUPLICATE KEY UPDATE checked_at = VALUES(checked_at), entries_checked = VALUES(entries_checked),
         breakage_id = NULL, broken_seq = NULL, broken_reason = NULL, broken_message = NULL, broken_since = NULL`,
      [eventId, new Date(), report.entriesChecked],
    );
  }

  /** Records the breakage; true (and the organisers mailed, in the same transaction) when it is a new one. */
  private async recordBroken(eventId: string, report: ChainReport): Promise<boolean> {
    const broken = report.firstBroken!;
    const now = new Date();
    return inTransaction(this.dataSource, async (em) => {
      await em.query(
        'INSERT IGNORE INTO agreement_ledger_checks (event_id, checked_at, entries_checked) VALUES (?, ?, ?)',
        [eventId, now, report.entriesChecked],
      );
      const [row] = await em.query<CheckRow[]>(
        'SELECT breakage_id, broken_seq, broken_reason FROM agreement_ledger_checks WHERE event_id = ? FOR UPDATE',
        [eventId],
      );
      const known = row.breakage_id && Number(row.broken_seq) === broken.seq && row.broken_reason === broken.reason;
      if (known) {
        await em.query('UPDATE agreement_ledger_checks SET checked_at = ?, entries_checked = ? WHERE event_id = ?', [
          now,
          report.entriesChecked,
          eventId,
        ]);
        return false;
      }
      const breakageId = newId();
      await em.query(
        `UPDATE agreement_ledger_checks SET checked_at = ?, entries_checked = ?, breakage_id = ?, broken_seq = ?,
           broken_reason = ?, broken_message = ?, broken_since = ? WHERE event_id = ?`,
        [now, report.entriesChecked, breakageId, broken.seq, broken.reason, broken.message.slice(0, 500), now, eventId],
      );
      this.logger.error(`The agreement ledger of event ${eventId} is broken: ${broken.message}`);
      const event = await this.access.getEvent(eventId, em);
      const organisers = await this.users.contacts(await this.access.organiserIds(eventId, em), em);
      const payload: LedgerBrokenMailPayload = {
        eventName: event.name,
        eventId,
        seq: broken.seq,
        reason: broken.reason,
        detectedAt: now.toISOString(),
      };
      await this.outbox.enqueue(
        em,
        ...[...organisers.values()].map((o) => ({
          type: 'ledger-broken',
          dedupeKey: `ledger-broken:${breakageId}:${o.id}`,
          recipient: { userId: o.id, email: o.email, name: o.name, locale: o.locale as Locale, timeZone: o.timeZone },
          eventId,
          eventTimeZone: event.timeZone,
          eventLocale: event.defaultLocale,
          eventNames: eventNames(event),
          payload,
        })),
      );
      return true;
    });
  }
}
