import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvitationsAndVisas1764060000000 implements MigrationInterface {
  name = 'CreateInvitationsAndVisas1764060000000';

  async up(q: QueryRunner): Promise<void> {
    // the delegate's name in other scripts for the badge, e.g. {"latin":"Wang Fang","zh":"王芳"}
    await q.query('ALTER TABLE registrations ADD COLUMN badge_names LONGTEXT NULL AFTER share_email');
    await q.query(`
      CREATE TABLE invitations (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        email VARCHAR(254) NOT NULL,
        name VARCHAR(200) NOT NULL,
        company_name VARCHAR(200) NULL,
        country CHAR(2) NULL,
        locale VARCHAR(5) NULL,
        role VARCHAR(16) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        invited_by CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_invitations_token_hash (token_hash),
        KEY ix_invitations_event (event_id, created_at),
        CONSTRAINT fk_invitations_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE visa_requests (
        registration_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        full_name VARCHAR(200) NOT NULL,
        nationality CHAR(2) NOT NULL,
        passport_number VARCHAR(40) NOT NULL,
        date_of_birth DATE NOT NULL,
        passport_expires_on DATE NOT NULL,
        entry_on DATE NOT NULL,
        exit_on DATE NOT NULL,
        status VARCHAR(16) NOT NULL,
        decided_by CHAR(36) NULL,
        decided_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (registration_id),
        KEY ix_visa_requests_event (event_id, status),
        CONSTRAINT fk_visa_requests_registration FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE registrations DROP COLUMN badge_names');
    await q.query('DROP TABLE visa_requests');
    await q.query('DROP TABLE invitations');
  }
}
