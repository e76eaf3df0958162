import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEvents1764033000000 implements MigrationInterface {
  name = 'CreateEvents1764033000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        id CHAR(36) NOT NULL,
        slug VARCHAR(120) NOT NULL,
        name VARCHAR(300) NOT NULL,
        theme VARCHAR(500) NULL,
        description TEXT NULL,
        translations LONGTEXT NOT NULL,
        venue VARCHAR(300) NULL,
        city VARCHAR(120) NULL,
        country CHAR(2) NULL,
        time_zone VARCHAR(64) NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        status VARCHAR(16) NOT NULL,
        languages LONGTEXT NOT NULL,
        sectors LONGTEXT NOT NULL,
        registration_opens_at DATETIME(3) NULL,
        registration_closes_at DATETIME(3) NULL,
        capacity INT NULL,
        requires_approval TINYINT(1) NOT NULL DEFAULT 1,
        meeting_settings LONGTEXT NOT NULL,
        session_settings LONGTEXT NOT NULL,
        public_agreements_report TINYINT(1) NOT NULL DEFAULT 0,
        created_by CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_events_slug (slug),
        KEY ix_events_status_starts (status, starts_at),
        CONSTRAINT fk_events_created_by FOREIGN KEY (created_by) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE event_organisers (
        event_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (event_id, user_id),
        KEY ix_event_organisers_user (user_id),
        CONSTRAINT fk_event_organisers_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_event_organisers_user FOREIGN KEY (user_id) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE event_organisers');
    await q.query('DROP TABLE events');
  }
}
