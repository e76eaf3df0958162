import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Site visits (a session of kind `site_visit`: a tour of a local factory).
 * The session (libs/events) gains the visit's capacity, meeting point,
 * departure time and transport. `site_visit_signups` (libs/registrations)
 * holds the delegates' sign-ups: confirmed within the capacity, waitlisted
 * beyond it in the order of `seq` (given out under the session's row lock),
 * cancelled rows kept for the record. `active` is NULL once cancelled, so a
 * registration holds at most one live sign-up per visit and may sign up again.
 */
export class CreateSiteVisits1765750000000 implements MigrationInterface {
  name = 'CreateSiteVisits1765750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sessions
        ADD COLUMN capacity INT NULL,
        ADD COLUMN meeting_point VARCHAR(500) NULL,
        ADD COLUMN departs_at DATETIME(3) NULL,
        ADD COLUMN transport VARCHAR(300) NULL`);
    await q.query(`
      CREATE TABLE site_visit_signups (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        session_id CHAR(36) NOT NULL,
        registration_id CHAR(36) NOT NULL,
        status VARCHAR(16) NOT NULL,
        seq INT NOT NULL,
        active TINYINT AS (IF(status = 'cancelled', NULL, 1)) STORED,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        cancelled_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_site_visit_signups_active (session_id, registration_id, active),
        UNIQUE KEY uq_site_visit_signups_seq (session_id, seq),
        KEY ix_site_visit_signups_event_registration (event_id, registration_id, status),
        KEY ix_site_visit_signups_registration (registration_id),
        CONSTRAINT fk_site_visit_signups_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE,
        CONSTRAINT fk_site_visit_signups_registration FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE site_visit_signups');
    await q.query(
      'ALTER TABLE sessions DROP COLUMN capacity, DROP COLUMN meeting_point, DROP COLUMN departs_at, DROP COLUMN transport',
    );
  }
}
