import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Recommendations (libs/recommendations): each approved delegate's analysed
 * profile, the scored pairs the endpoint reads (the viewer's best
 * candidates, precomputed by the worker), the delegates waiting to be
 * recomputed (a durable dirty flag with a lease), how far the worker has read
 * the registrations' change log, and organisers' own lexicon concepts. Also
 * indexes on registrations' and companies' `updated_at`, which the worker's
 * change scan reads through the registrations lib.
 */
export class CreateRecommendations1765500000000 implements MigrationInterface {
  name = 'CreateRecommendations1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recommendation_profiles (
        registration_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        profile LONGTEXT NOT NULL,
        -- the registration's (or its company's) updated_at the profile was built from
        source_changed_at DATETIME(3) NOT NULL,
        computed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (registration_id),
        KEY ix_recommendation_profiles_event (event_id),
        CONSTRAINT fk_recommendation_profiles_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE recommendation_pairs (
        registration_id CHAR(36) NOT NULL,
        candidate_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        -- score × 1000, an integer so pages can be cut by (score, candidate_id) exactly
        score INT NOT NULL,
        details LONGTEXT NOT NULL,
        PRIMARY KEY (registration_id, candidate_id),
        KEY ix_recommendation_pairs_rank (registration_id, score, candidate_id),
        KEY ix_recommendation_pairs_candidate (candidate_id),
        KEY ix_recommendation_pairs_event (event_id),
        CONSTRAINT fk_recommendation_pairs_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE recommendation_dirty (
        registration_id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        marked_at DATETIME(3) NOT NULL,
        leased_until DATETIME(3) NULL,
        PRIMARY KEY (registration_id),
        KEY ix_recommendation_dirty_lease (leased_until),
        CONSTRAINT fk_recommendation_dirty_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE recommendation_watermark (
        id TINYINT NOT NULL,
        changed_at DATETIME(3) NOT NULL,
        registration_id CHAR(36) NOT NULL,
        PRIMARY KEY (id)
      ) ${TABLE_OPTIONS}`);
    await q.query(
      `INSERT INTO recommendation_watermark (id, changed_at, registration_id) VALUES (1, '1970-01-01 00:00:00.000', '')`,
    );
    await q.query(`
      CREATE TABLE recommendation_events (
        event_id CHAR(36) NOT NULL,
        refreshed_at DATETIME(3) NULL,
        PRIMARY KEY (event_id),
        CONSTRAINT fk_recommendation_events_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query(`
      CREATE TABLE recommendation_concepts (
        id CHAR(36) NOT NULL,
        event_id CHAR(36) NOT NULL,
        sector VARCHAR(40) NOT NULL,
        terms LONGTEXT NOT NULL,
        created_by CHAR(36) NOT NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (id),
        KEY ix_recommendation_concepts_event (event_id, created_at),
        CONSTRAINT fk_recommendation_concepts_event FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`);
    await q.query('CREATE INDEX ix_registrations_updated ON registrations (updated_at)');
    await q.query('CREATE INDEX ix_companies_updated ON companies (updated_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_companies_updated ON companies');
    await q.query('DROP INDEX ix_registrations_updated ON registrations');
    await q.query('DROP TABLE recommendation_concepts');
    await q.query('DROP TABLE recommendation_events');
    await q.query('DROP TABLE recommendation_watermark');
    await q.query('DROP TABLE recommendation_dirty');
    await q.query('DROP TABLE recommendation_pairs');
    await q.query('DROP TABLE recommendation_profiles');
  }
}
