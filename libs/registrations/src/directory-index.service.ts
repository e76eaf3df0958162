import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UserLookupService } from '@roundtable/auth';
import { chunks } from '@roundtable/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { indexTerms } from './directory-terms';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';

/** Registrations indexed per statement when catching up. */
const BATCH = 200;

/**
 * Keeps `directory_terms` (the directory's search index) following what it
 * is built from: written in the same transaction as a registration, and again
 * for every registration of a person who renames themselves. Rows written
 * without it (before the index existed, or by a bulk import) are indexed when
 * the api starts and whenever `catchUp` runs.
 */
@Injectable()
export class DirectoryIndexService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DirectoryIndex');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserLookupService,
  ) {}

  onApplicationBootstrap(): void {
    this.users.onRenamed((em, userId) => this.reindexUser(em, userId));
    void this.catchUp().catch((error: unknown) =>
      this.logger.warn(`Could not index the directory: ${(error as Error).message}`),
    );
  }

  /** Rewrites the terms of these registrations from their current rows, in the caller's transaction. */
  async reindex(em: EntityManager, registrationIds: string[]): Promise<void> {
    for (const part of chunks([...new Set(registrationIds)], BATCH)) {
      const registrations = await em.getRepository(Registration).findBy({ id: In(part) });
      if (registrations.length === 0) continue;
      const companyIds = [...new Set(registrations.map((r) => r.companyId).filter((id): id is string => id !== null))];
      const companies = new Map(
        (companyIds.length ? await em.getRepository(Company).findBy({ id: In(companyIds) }) : []).map((c) => [c.id, c]),
      );
      const people = await this.users.contacts(
        registrations.map((r) => r.userId),
        em,
      );
      const entries: unknown[] = [];
      const rows: unknown[] = [];
      for (const r of registrations) {
        const c = r.companyId ? companies.get(r.companyId) : undefined;
        const texts = [
          people.get(r.userId)?.name,
          r.badgeNames?.latin,
          r.badgeNames?.zh,
          r.badgeNames?.ru,
          c?.name,
          c?.nameZh,
          c?.nameRu,
          c?.offers,
          c?.seeks,
        ].filter((t): t is string => typeof t === 'string' && t !== '');
        entries.push([r.id, r.eventId, texts.map((t) => t.replace(/\s+/g, ' ')).join('\n')]);
        for (const term of indexTerms(texts)) rows.push([r.eventId, term, r.id]);
      }
      const ids = registrations.map((r) => r.id);
      await em.query('DELETE FROM directory_terms WHERE registration_id IN (?)', [ids]);
      await em.query(
        `INSERT INTO directory_entries (registration_id, event_id, search_text) VALUES ?
         ON DUPLICATE KEY UPDATE search_text = VALUES(search_text)`,
        [entries],
      );
      for (const part of chunks(rows, 2_000))
        await em.query('INSERT IGNORE INTO directory_terms (event_id, term, registration_id) VALUES ?', [part]);
    }
  }

  /** Every registration of the company (its names or offers changed). */
  async reindexCompany(em: EntityManager, companyId: string): Promise<void> {
    const ids = await em.getRepository(Registration).find({ select: { id: true }, where: { companyId } });
    await this.reindex(
      em,
      ids.map((r) => r.id),
    );
  }

  private async reindexUser(em: EntityManager, userId: string): Promise<void> {
    const ids = await em.getRepository(Registration).find({ select: { id: true }, where: { userId } });
    await this.reindex(
      em,
      ids.map((r) => r.id),
    );
  }

  /** Indexes every registration that has no entry yet; returns how many. */
  async catchUp(): Promise<number> {
    let done = 0;
    for (;;) {
      const missing = await this.dataSource.query<Array<{ id: string }>>(
        `SELECT r.id FROM registrations r
          WHERE NOT EXISTS (SELECT 1 FROM directory_entries e WHERE e.registration_id = r.id)
          LIMIT ${BATCH}`,
      );
      if (missing.length === 0) return done;
      await this.dataSource.transaction((em) =>
        this.reindex(
          em,
          missing.map((r) => r.id),
        ),
      );
      done += missing.length;
    }
  }
}
