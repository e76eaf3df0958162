import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per (event, slot) that some booking has touched: a booking locks
 * the row of its slot instead of the whole event, so bookings of different
 * slots run in parallel while two bookings of the same slot still choose
 * their table and interpreter one after the other.
 */
export class CreateMeetingSlotLocks1765600000000 implements MigrationInterface {
  name = 'CreateMeetingSlotLocks1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting_slot_locks (
        event_id CHAR(36) NOT NULL,
        slot_index INT NOT NULL,
        PRIMARY KEY (event_id, slot_index),
        CONSTRAINT fk_meeting_slot_locks_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE meeting_slot_locks');
  }
}
