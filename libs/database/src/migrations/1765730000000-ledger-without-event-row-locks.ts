import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agreement ledger stops referencing `events` by foreign key. InnoDB
 * checks a foreign key on insert with a shared lock on the parent row, so
 * every signing (a new entry, the ledger head's first row) queued behind
 * whatever held the event row (a meeting accept, a registration). The
 * ledger head's own lock orders the chain; the event is checked by the
 * agreements lib before it writes, and events are never deleted (they are
 * cancelled), so nothing can leave entries without their event.
 */
export class LedgerWithoutEventRowLocks1765730000000 implements MigrationInterface {
  name = 'LedgerWithoutEventRowLocks1765730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE agreement_entries DROP FOREIGN KEY fk_agreement_entries_event');
    await q.query('ALTER TABLE agreement_ledger_heads DROP FOREIGN KEY fk_agreement_ledger_heads_event');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE agreement_ledger_heads ADD CONSTRAINT fk_agreement_ledger_heads_event FOREIGN KEY (event_id) REFERENCES events (id)',
    );
    await q.query(
      'ALTER TABLE agreement_entries ADD CONSTRAINT fk_agreement_entries_event FOREIGN KEY (event_id) REFERENCES events (id)',
    );
  }
}
