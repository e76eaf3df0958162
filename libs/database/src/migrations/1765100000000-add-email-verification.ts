import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts prove their e-mail address and can be signed out everywhere:
 * `email_verified_at` (null until the owner of the mailbox confirms),
 * `token_version` (in every bearer token; bumping it ends every session), and
 * single-use account tokens (e-mail confirmation, password reset) of which only
 * a SHA-256 hash is stored. Accounts that exist before this migration start
 * unconfirmed: nobody ever proved they own their address.
 */
export class AddEmailVerification1765100000000 implements MigrationInterface {
  name = 'AddEmailVerification1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN email_verified_at DATETIME(3) NULL AFTER email,
        ADD COLUMN token_version INT UNSIGNED NOT NULL DEFAULT 0 AFTER password_hash`);
    await q.query(`
      CREATE TABLE account_tokens (
        id CHAR(36) NOT NULL,
        user_id CHAR(36) NOT NULL,
        purpose VARCHAR(16) NOT NULL,
        token_hash CHAR(64) NOT NULL,
        password_hash VARCHAR(255) NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        UNIQUE KEY uq_account_tokens_hash (token_hash),
        KEY ix_account_tokens_user (user_id, purpose, used_at),
        CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE account_tokens');
    await q.query('ALTER TABLE users DROP COLUMN token_version, DROP COLUMN email_verified_at');
  }
}
