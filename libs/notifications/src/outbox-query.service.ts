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
