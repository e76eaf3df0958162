import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgenda1764050000000 implements MigrationInterface {
  name = 'CreateAgenda1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rooms (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        capacity INT NULL,
        notes VARCHAR(500) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_rooms_event_name (event_id, name),
        CONSTRAINT fk_rooms_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE sessions (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        room_id CHAR(36) NULL,
        kind VARCHAR(32) NOT NULL,
        title VARCHAR(300) NOT NULL,
        description TEXT NULL,
        translations LONGTEXT NOT NULL,
        starts_at DATETIME(3) NOT NULL,
        ends_at DATETIME(3) NOT NULL,
        languages LONGTEXT NOT NULL,
        interpretation LONGTEXT NOT NULL,
        abstract TEXT NULL,
        materials LONGTEXT NOT NULL,
        sequence INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_sessions_event_start (event_id, starts_at),
        KEY ix_sessions_room_start (room_id, starts_at),
        CONSTRAINT fk_sessions_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_sessions_room FOREIGN KEY (room_id) REFERENCES rooms (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE session_speakers (
        id CHAR(36) NOT NULL,
        session_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        email VARCHAR(254) NOT NULL,
        name VARCHAR(200) NOT NULL,
        role VARCHAR(16) NOT NULL,
        company VARCHAR(200) NULL,
        bio TEXT NULL,
        locale VARCHAR(5) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_session_speakers_session_email (session_id, email),
        KEY ix_session_speakers_email (email),
        KEY ix_session_speakers_event_email (event_id, email),
        CONSTRAINT fk_session_speakers_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE session_speakers');
    await q.query('DROP TABLE sessions');
    await q.query('DROP TABLE rooms');
  }
}
