import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's search index (libs/registrations). `directory_entries`
 * holds each registration's searchable text in one column (the person's name
 * and badge names, the company's names, offers and seeks, one per line);
 * `directory_terms` its terms: every prefix of a word, and every Chinese
 * character and pair of characters, compared byte for byte. A search finds
 * the registrations holding all its terms through the index, then checks the
 * text itself. Registrations written before these tables existed are indexed
 * when the api starts.
 */
export class CreateDirectoryIndex1765720000000 implements MigrationInterface {
  name = 'CreateDirectoryIndex1765720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE directory_entries (
        registration_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        search_text TEXT NOT NULL,
        PRIMARY KEY (registration_id),
        KEY ix_directory_entries_event (event_id),
        CONSTRAINT fk_directory_entries_registration FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`
      CREATE TABLE directory_terms (
        event_id CHAR(36) NOT NULL,
        term VARCHAR(24) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        registration_id CHAR(36) NOT NULL,
        PRIMARY KEY (event_id, term, registration_id),
        KEY ix_directory_terms_registration (registration_id),
        CONSTRAINT fk_directory_terms_registration FOREIGN KEY (registration_id) REFERENCES registrations (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE directory_terms');
    await q.query('DROP TABLE directory_entries');
  }
}
