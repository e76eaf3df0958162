import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * B2B meetings. Double-booking is impossible in the database itself: every
 * scheduled meeting holds one row in `meeting_seats` per delegate, its table
 * and its interpreter, and the primary key of that table allows each of them
 * once per slot.
 */
export class CreateMeetings1764070000000 implements MigrationInterface {
  name = 'CreateMeetings1764070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      "ALTER TABLE events ADD COLUMN schedule_status VARCHAR(16) NOT NULL DEFAULT 'draft' AFTER meeting_settings",
    );
    await q.query(`
      CREATE TABLE interpreters (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        email VARCHAR(254) NULL,
        pairs LONGTEXT NOT NULL,
        availability LONGTEXT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_interpreters_event (event_id),
        CONSTRAINT fk_interpreters_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE fixed_tables (
        event_id CHAR(36) NOT NULL,
        company_id CHAR(36) NOT NULL,
        table_no INT NOT NULL,
        PRIMARY KEY (event_id, company_id),
        UNIQUE KEY uq_fixed_tables_table (event_id, table_no),
        CONSTRAINT fk_fixed_tables_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_fixed_tables_company FOREIGN KEY (company_id) REFERENCES companies (id)
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE meeting_requests (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        from_registration_id CHAR(36) NOT NULL,
        to_registration_id CHAR(36) NOT NULL,
        pair_key CHAR(73) NOT NULL,
        message TEXT NULL,
        status VARCHAR(16) NOT NULL,
        priority INT NOT NULL DEFAULT 0,
        unscheduled_reason VARCHAR(40) NULL,
        expires_at DATETIME(3) NOT NULL,
        responded_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        -- pair_key while pending or accepted, NULL otherwise (set by the application:
        -- MariaDB allows no string comparison in a generated column): one live request per pair.
        active_pair CHAR(73) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_meeting_requests_active_pair (event_id, active_pair),
        KEY ix_meeting_requests_pair (event_id, pair_key),
        KEY ix_meeting_requests_from (from_registration_id, status),
        KEY ix_meeting_requests_to (to_registration_id, status),
        CONSTRAINT fk_meeting_requests_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_requests_from FOREIGN KEY (from_registration_id) REFERENCES registrations (id),
        CONSTRAINT fk_meeting_requests_to FOREIGN KEY (to_registration_id) REFERENCES registrations (id)
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE meetings (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        request_id CHAR(36) NOT NULL,
        registration_a CHAR(36) NOT NULL,
        registration_b CHAR(36) NOT NULL,
        slot_index INT NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        table_no INT NOT NULL,
        interpreter_id CHAR(36) NULL,
        status VARCHAR(16) NOT NULL,
        locked TINYINT(1) NOT NULL DEFAULT 0,
        sequence INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_meetings_event (event_id, status, starts_at),
        KEY ix_meetings_request (request_id),
        KEY ix_meetings_a (registration_a, status),
        KEY ix_meetings_b (registration_b, status),
        CONSTRAINT fk_meetings_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_meetings_request FOREIGN KEY (request_id) REFERENCES meeting_requests (id),
        CONSTRAINT fk_meetings_interpreter FOREIGN KEY (interpreter_id) REFERENCES interpreters (id)
      ) ${TABLE_OPTIONS}`);
    // kind: d = delegate (ref = registration id), t = table (ref = table number), i = interpreter.
    await q.query(`
      CREATE TABLE meeting_seats (
        event_id CHAR(36) NOT NULL,
        slot_index INT NOT NULL,
        kind CHAR(1) NOT NULL,
        ref VARCHAR(36) NOT NULL,
        meeting_id CHAR(36) NOT NULL,
        PRIMARY KEY (event_id, slot_index, kind, ref),
        KEY ix_meeting_seats_meeting (meeting_id),
        CONSTRAINT fk_meeting_seats_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE meeting_outcomes (
        meeting_id CHAR(36) NOT NULL,
        registration_id CHAR(36) NOT NULL,
        rating TINYINT NOT NULL,
        notes TEXT NULL,
        follow_up TEXT NULL,
        agreement_expected TINYINT(1) NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (meeting_id, registration_id),
        CONSTRAINT fk_meeting_outcomes_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id CHAR(36) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (user_id),
        UNIQUE KEY uq_calendar_feeds_token (token_hash),
        CONSTRAINT fk_calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'meeting_outcomes',
      'meeting_seats',
      'meetings',
      'meeting_requests',
      'fixed_tables',
      'interpreters',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query('ALTER TABLE events DROP COLUMN schedule_status');
  }
}
