import { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting request may name the slot its sender prefers; accepting places it there when that slot still works. */
export class MeetingRequestPreferredSlot1765760000000 implements MigrationInterface {
  name = 'MeetingRequestPreferredSlot1765760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE meeting_requests ADD COLUMN preferred_slot_index INT NULL DEFAULT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE meeting_requests DROP COLUMN preferred_slot_index');
  }
}
