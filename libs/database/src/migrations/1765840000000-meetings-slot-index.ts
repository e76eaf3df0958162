import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A slot's meetings by index: a booking reads them while it holds the slot's lock, and without this index that
 * read scanned every meeting of the event (or the table), so each booking took longer than the one before it.
 */
export class MeetingsSlotIndex1765840000000 implements MigrationInterface {
  name = 'MeetingsSlotIndex1765840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX ix_meetings_slot ON meetings (event_id, slot_index, status)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_meetings_slot ON meetings');
  }
}
