import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last periodic verification of each event's agreement ledger: when it ran and, while the
 * chain is broken, where and since when. A breakage keeps its id until the chain verifies again,
 * so its organisers are mailed once per breakage, not once per check; /health reads the broken rows.
 */
export class CreateAgreementLedgerChecks1765710000000 implements MigrationInterface {
  name = 'CreateAgreementLedgerChecks1765710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement_ledger_checks (
        event_id CHAR(36) NOT NULL,
        checked_at DATETIME(3) NOT NULL,
        entries_checked INT NOT NULL,
        breakage_id CHAR(36) NULL,
        broken_seq INT NULL,
        broken_reason VARCHAR(32) NULL,
        broken_message VARCHAR(500) NULL,
        broken_since DATETIME(3) NULL,
        PRIMARY KEY (event_id),
        KEY idx_agreement_ledger_checks_broken (breakage_id),
        CONSTRAINT fk_agreement_ledger_checks_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE agreement_ledger_checks');
  }
}
