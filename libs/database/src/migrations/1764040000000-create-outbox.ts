import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1764040000000 implements MigrationInterface {
  name = 'CreateOutbox1764040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id CHAR(36) NOT NULL,
        type VARCHAR(64) NOT NULL,
        dedupe_key VARCHAR(191) NOT NULL,
        event_id CHAR(36) NULL,
        subject VARCHAR(100) NULL,
        recipient_user_id CHAR(36) NULL,
        recipient_email VARCHAR(254) NOT NULL,
        recipient_name VARCHAR(200) NOT NULL,
        recipient_locale VARCHAR(5) NULL,
        recipient_time_zone VARCHAR(64) NULL,
        event_time_zone VARCHAR(64) NULL,
        event_locale VARCHAR(5) NULL,
        payload LONGTEXT NOT NULL,
        calendar LONGTEXT NULL,
        status VARCHAR(16) NOT NULL,
        attempts INT NOT NULL DEFAULT 0,
        due_at DATETIME(3) NOT NULL,
        leased_until DATETIME(3) NULL,
        last_error VARCHAR(1000) NULL,
        sent_at DATETIME(3) NULL,
        message_id VARCHAR(255) NULL,
        smtp_response VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_outbox_dedupe_key (dedupe_key),
        KEY ix_outbox_status_due (status, due_at),
        KEY ix_outbox_status_lease (status, leased_until),
        KEY ix_outbox_subject (subject, status),
        KEY ix_outbox_event (event_id, created_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
  }
}
