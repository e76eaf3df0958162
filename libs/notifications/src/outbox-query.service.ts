import { Injectable } from '@nestjs/common';
import { CommonError, CommonErrorCode, decodeCursor, ID_PATTERN, Page, toPage } from '@roundtable/common';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity, OutboxStatus } from './entities/outbox-message.entity';

export interface OutboxFilter {
  status?: OutboxStatus;
  type?: string;
  limit: number;
  cursor?: string;
}

/** The event's mail in numbers: what went, what waits (due, not yet sent) and since when, what failed. */
export interface DeliveryCounts {
  sent: number;
  waiting: number;
  failed: number;
  cancelled: number;
  /** Reminders and other mail due later. */
  scheduled: number;
  /** When the longest-waiting due mail fell due; null when nothing waits. */
  oldestWaitingSince: Date | null;
}

/** The organiser's view of delivery: what was sent to whom, what failed and why; and retry by hand. */
@Injectable()
export class OutboxQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async listForEvent(eventId: string, filter: OutboxFilter): Promise<Page<OutboxMessageEntity>> {
    const after = decodeCursor(filter.cursor, ['instant', 'id']);
    const qb = this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('o')
      .where('o.eventId = :eventId', { eventId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .take(filter.limit + 1);
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    if (filter.type) qb.andWhere('o.type = :type', { type: filter.type });
    if (after) {
      qb.andWhere('(o.createdAt < :at OR (o.createdAt = :at AND o.id < :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      filter.limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => r,
    );
  }

  /** Two grouped queries over the event's outbox rows. */
  async deliveryCounts(eventId: string, now = new Date()): Promise<DeliveryCounts> {
    const [rows, [oldest]] = await Promise.all([
      this.dataSource.query<{ status: OutboxStatus; due: number; n: string }[]>(
        'SELECT status, due_at <= ? AS due, COUNT(*) AS n FROM outbox WHERE event_id = ? GROUP BY status, due',
        [now, eventId],
      ),
      this.dataSource.query<{ at: Date | null }[]>(
        "SELECT MIN(due_at) AS at FROM outbox WHERE event_id = ? AND status IN ('pending', 'queued') AND due_at <= ?",
        [eventId, now],
      ),
    ]);
    const counts: DeliveryCounts = {
      sent: 0,
      waiting: 0,
      failed: 0,
      cancelled: 0,
      scheduled: 0,
      oldestWaitingSince: null,
    };
    for (const r of rows) {
      const n = Number(r.n);
      if (r.status === 'pending' || r.status === 'queued') {
        if (Number(r.due)) counts.waiting += n;
        else counts.scheduled += n;
      } else counts[r.status] += n;
    }
    counts.oldestWaitingSince = oldest?.at ? new Date(oldest.at) : null;
    return counts;
  }

  /** How many of the event's mails there are of each status and of each type: the delivery view's filters. */
  async facetsForEvent(eventId: string): Promise<{ byStatus: Map<OutboxStatus, number>; byType: Map<string, number> }> {
    const rows = await this.dataSource.query<{ status: OutboxStatus; type: string; n: string }[]>(
      'SELECT status, type, COUNT(*) AS n FROM outbox WHERE event_id = ? GROUP BY status, type',
      [eventId],
    );
    const byStatus = new Map<OutboxStatus, number>();
    const byType = new Map<string, number>();
    for (const r of rows) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + Number(r.n));
      byType.set(r.type, (byType.get(r.type) ?? 0) + Number(r.n));
    }
    return { byStatus, byType };
  }

  async find(id: string): Promise<OutboxMessageEntity> {
    const row = ID_PATTERN.test(id) ? await this.dataSource.getRepository(OutboxMessageEntity).findOneBy({ id }) : null;
    if (!row) throw CommonError.notFound('Notification');
    return row;
  }

  /**
   * Puts a failed mail back in line, with a fresh attempt budget, and returns it as the retry left it
   * (`pending`): read and changed under the row's lock, so the relay, which
   * may claim it the moment this commits, cannot change what is reported.
   */
  async retry(id: string): Promise<OutboxMessageEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(OutboxMessageEntity);
      const row = ID_PATTERN.test(id)
        ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!row) throw CommonError.notFound('Notification');
      if (row.status !== 'failed')
        throw new CommonError(
          CommonErrorCode.Conflict,
          `Only failed notifications can be retried (this one is ${row.status})`,
        );
      const changes = { status: 'pending' as const, attempts: 0, dueAt: new Date(), lastError: null };
      await repo.update({ id }, changes);
      return Object.assign(row, changes);
    });
  }
}
