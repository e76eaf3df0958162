import { MigrationInterface, QueryRunner } from 'typeorm';

/** An invitation may let its guest register after the registration window closed, when the organiser says so. */
export class InvitationLateRegistration1765300100000 implements MigrationInterface {
  name = 'InvitationLateRegistration1765300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE invitations ADD COLUMN allow_late_registration TINYINT(1) NOT NULL DEFAULT 0 AFTER expires_at',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE invitations DROP COLUMN allow_late_registration');
  }
}
