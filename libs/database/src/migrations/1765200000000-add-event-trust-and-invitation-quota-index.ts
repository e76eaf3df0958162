import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations are not a mail relay: an event a platform admin has not marked
 * trusted may send only a few, and an organiser only a few a day across such
 * events. `trusted` is the admin's mark; the index lets the per-organiser
 * quota count the last day's invitations without a scan.
 */
export class AddEventTrustAndInvitationQuotaIndex1765200000000 implements MigrationInterface {
  name = 'AddEventTrustAndInvitationQuotaIndex1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE events ADD COLUMN trusted TINYINT(1) NOT NULL DEFAULT 0');
    await q.query('ALTER TABLE invitations ADD KEY ix_invitations_invited_by (invited_by, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE invitations DROP KEY ix_invitations_invited_by');
    await q.query('ALTER TABLE events DROP COLUMN trusted');
  }
}
