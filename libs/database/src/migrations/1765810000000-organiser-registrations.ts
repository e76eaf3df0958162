import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the organisers' registration, invitation and visa letter screens need:
 * - visa letters carry a reference number (random, unguessable, unique: the QR on the letter opens a public
 *   page by it) and the reason a request was rejected;
 * - invitations remember how often they were mailed and when last, so a resend is bounded;
 * - the unfiltered registration list pages by (event_id, created_at, id) from an index.
 */
export class OrganiserRegistrations1765810000000 implements MigrationInterface {
  name = 'OrganiserRegistrations1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE visa_requests
        ADD COLUMN reference VARCHAR(32) NULL AFTER status,
        ADD COLUMN decision_reason VARCHAR(500) NULL AFTER decided_at,
        ADD UNIQUE KEY uq_visa_requests_reference (reference)`);
    await q.query(`
      ALTER TABLE invitations
        ADD COLUMN sent_count INT NOT NULL DEFAULT 1 AFTER used_at,
        ADD COLUMN last_sent_at DATETIME(3) NULL AFTER sent_count`);
    await q.query('CREATE INDEX ix_registrations_event_created ON registrations (event_id, created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_registrations_event_created ON registrations');
    await q.query('ALTER TABLE invitations DROP COLUMN last_sent_at, DROP COLUMN sent_count');
    await q.query(
      'ALTER TABLE visa_requests DROP INDEX uq_visa_requests_reference, DROP COLUMN decision_reason, DROP COLUMN reference',
    );
  }
}
