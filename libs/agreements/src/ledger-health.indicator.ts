import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

const LISTED = 20;

/**
 * /health's `ledger`: the events whose agreement ledger the worker's last verification found
 * broken (agreement_ledger_checks), with the first broken entry and since when. Reported, not
 * failed: one event's tampered ledger is that event's organisers' matter (they were mailed, and
 * appending to it is refused), not a reason for a load balancer to take every api out of service.
 */
@Injectable()
export class LedgerHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('ledger');
    const rows = await this.dataSource.query<
      { event_id: string; broken_seq: number; broken_reason: string; broken_since: Date }[]
    >(
      `SELECT event_id, broken_seq, broken_reason, broken_since FROM agreement_ledger_checks
       WHERE breakage_id IS NOT NULL ORDER BY broken_since LIMIT ${LISTED}`,
    );
    if (rows.length === 0) return indicator.up();
    return indicator.up({
      message: 'An agreement ledger fails verification; its organisers were mailed',
      broken: rows.map((r) => ({
        eventId: r.event_id,
        seq: Number(r.broken_seq),
        reason: r.broken_reason,
        since: new Date(r.broken_since).toISOString(),
      })),
    });
  }
}
