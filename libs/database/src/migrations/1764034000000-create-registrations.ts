import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistrations1764034000000 implements MigrationInterface {
  name = 'CreateRegistrations1764034000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE companies (
        id CHAR(36) NOT NULL,
        name VARCHAR(200) NOT NULL,
        name_zh VARCHAR(200) NULL,
        name_ru VARCHAR(200) NULL,
        country CHAR(2) NOT NULL,
        region VARCHAR(120) NULL,
        sectors LONGTEXT NOT NULL,
        size VARCHAR(16) NULL,
        website VARCHAR(300) NULL,
        offers TEXT NULL,
        seeks TEXT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_companies_name_country (name, country)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE registrations (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        company_id CHAR(36) NULL,
        role VARCHAR(16) NOT NULL,
        status VARCHAR(16) NOT NULL,
        job_title VARCHAR(200) NULL,
        languages LONGTEXT NOT NULL,
        needs_interpreter TINYINT(1) NOT NULL DEFAULT 0,
        time_zone VARCHAR(64) NOT NULL,
        share_email TINYINT(1) NOT NULL DEFAULT 0,
        availability LONGTEXT NULL,
        badge_code VARCHAR(64) NOT NULL,
        checked_in_at DATETIME(3) NULL,
        approved_at DATETIME(3) NULL,
        invitation_id CHAR(36) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_registrations_event_user (event_id, user_id),
        UNIQUE KEY uq_registrations_badge_code (badge_code),
        KEY ix_registrations_event_status (event_id, status, created_at),
        KEY ix_registrations_company (company_id),
        CONSTRAINT fk_registrations_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_registrations_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT fk_registrations_company FOREIGN KEY (company_id) REFERENCES companies (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE registrations');
    await q.query('DROP TABLE companies');
  }
}
