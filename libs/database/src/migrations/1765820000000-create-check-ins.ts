import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every badge scan at the doors (libs/registrations), so check-in works from
 * devices that were offline: each scan carries an id the device made up
 * (`scan_id`, unique per event, so a scan sent twice is recorded once), the
 * door or device it came from and when it was scanned. The registration's
 * `checked_in_at` stays the earliest scan; `first_scan` is 0 on every later
 * scan of the same badge, the duplicates organisers are shown. Check-ins made
 * before this table existed become one scan each.
 */
export class CreateCheckIns1765820000000 implements MigrationInterface {
  name = 'CreateCheckIns1765820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE check_ins (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        registration_id CHAR(36) NOT NULL,
        scan_id VARCHAR(64) NOT NULL,
        device_id VARCHAR(64) NULL,
        scanned_at DATETIME(3) NOT NULL,
        received_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        first_scan TINYINT(1) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_check_ins_scan (event_id, scan_id),
        KEY ix_check_ins_registration (registration_id, scanned_at),
        CONSTRAINT fk_check_ins_registration FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      INSERT INTO check_ins (id, event_id, registration_id, scan_id, device_id, scanned_at, received_at, first_scan)
      SELECT UUID(), event_id, id, CONCAT('before-', id), NULL, checked_in_at, checked_in_at, 1
        FROM registrations WHERE checked_in_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE check_ins');
  }
}
