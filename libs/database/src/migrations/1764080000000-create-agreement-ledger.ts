import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * The agreement ledger. Entries are append-only: the application has no
 * UPDATE or DELETE path, and triggers make the database refuse both, so a
 * change needs someone who can drop the triggers, and verification then
 * names the entry they touched. The head row (last sequence and hash per
 * event) is what signings lock to take the next sequence number without gaps,
 * and it lets verification see a deleted or rewritten tail. No foreign key
 * cascades into the ledger: cascaded deletes would bypass the triggers.
 */
export class CreateAgreementLedger1764080000000 implements MigrationInterface {
  name = 'CreateAgreementLedger1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agreement_ledger_heads (
        event_id CHAR(36) NOT NULL,
        last_seq INT NOT NULL,
        last_hash CHAR(64) NOT NULL,
        PRIMARY KEY (event_id),
        CONSTRAINT fk_agreement_ledger_heads_event FOREIGN KEY (event_id) REFERENCES events (id)
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE agreement_entries (
        event_id CHAR(36) NOT NULL,
        seq INT NOT NULL,
        id CHAR(36) NOT NULL,
        agreement_id CHAR(36) NOT NULL,
        action VARCHAR(16) NOT NULL,
        payload LONGTEXT NOT NULL,
        prev_hash CHAR(64) NOT NULL,
        hash CHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (event_id, seq),
        UNIQUE KEY uq_agreement_entries_id (id),
        KEY ix_agreement_entries_agreement (agreement_id, seq),
        CONSTRAINT fk_agreement_entries_event FOREIGN KEY (event_id) REFERENCES events (id)
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TRIGGER agreement_entries_no_update BEFORE UPDATE ON agreement_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'agreement_entries is append-only: record an amendment instead'`);
    await q.query(`
      CREATE TRIGGER agreement_entries_no_delete BEFORE DELETE ON agreement_entries FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'agreement_entries is append-only: record a withdrawal instead'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER agreement_entries_no_delete');
    await q.query('DROP TRIGGER agreement_entries_no_update');
    await q.query('DROP TABLE agreement_entries');
    await q.query('DROP TABLE agreement_ledger_heads');
  }
}
