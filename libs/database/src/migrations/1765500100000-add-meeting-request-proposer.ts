import { MigrationInterface, QueryRunner } from 'typeorm';

/** A meeting request an organiser proposed (from a recommendation) names that organiser; null when a delegate asked. */
export class AddMeetingRequestProposer1765500100000 implements MigrationInterface {
  name = 'AddMeetingRequestProposer1765500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE meeting_requests ADD COLUMN proposed_by CHAR(36) NULL DEFAULT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE meeting_requests DROP COLUMN proposed_by');
  }
}
