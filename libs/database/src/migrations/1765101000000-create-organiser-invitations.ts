import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-organisers join by accepting an invitation mailed to their address; the
 * inviter never learns whether that address has an account. Only the token's
 * SHA-256 hash is stored.
 */
export class CreateOrganiserInvitations1765101000000 implements MigrationInterface {
  name = 'CreateOrganiserInvitations1765101000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organiser_invitations (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        email VARCHAR(254) NOT NULL,
        invited_by CHAR(36) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        accepted_at DATETIME(3) NULL,
        accepted_by CHAR(36) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_organiser_invitations_hash (token_hash),
        KEY ix_organiser_invitations_event (event_id, email),
        CONSTRAINT fk_organiser_invitations_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE,
        CONSTRAINT fk_organiser_invitations_inviter FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organiser_invitations');
  }
}
