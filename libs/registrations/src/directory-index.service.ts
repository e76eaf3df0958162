import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UserLookupService } from '@roundtable/auth';
import { chunks } from '@roundtable/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { indexTerms } from './directory-terms';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';

/** Registrations indexed per statement when catching up. */
const BATCH = 200;

/** What the directory's search text is made of, of a registration's company. */
export type DirectoryCompany = Pick<Company, 'name' | 'nameZh' | 'nameRu' | 'offers' | 'seeks'>;

/** The lines a registration is found by: the person's name, their badge names, their company's names and what it offers and seeks. */
function directoryTexts(
  registration: Pick<Registration, 'badgeNames'>,
  company: DirectoryCompany | null | undefined,
  personName: string | null | undefined,
): string[] {
  return [
    personName,
    registration.badgeNames?.latin,
    registration.badgeNames?.zh,
    registration.badgeNames?.ru,
    company?.name,
    company?.nameZh,
    company?.nameRu,
    company?.offers,
    company?.seeks,
  ].filter((t): t is string => typeof t === 'string' && t !== '');
}

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
      const texts = new Map<string, string[]>();
      for (const r of registrations) {
        texts.set(
          r.id,
          directoryTexts(r, r.companyId ? companies.get(r.companyId) : undefined, people.get(r.userId)?.name),
        );
      }
      await this.write(em, registrations, texts);
    }
  }

  /**
   * Indexes a registration inserted in the caller's transaction, from the rows the caller holds (its company
   * and the person's name): no read, since it cannot have been indexed before.
   */
  async indexNew(
    em: EntityManager,
    registration: Registration,
    company: DirectoryCompany | null,
    personName: string | null,
  ): Promise<void> {
    const texts = new Map([[registration.id, directoryTexts(registration, company, personName)]]);
    await this.write(em, [registration], texts, { fresh: true });
  }

  /**
   * Writes the entries and terms without range locks: a registration indexed
   * for the first time is only inserted (a DELETE of rows that are not there
   * would lock the gap at the end of the index, where every new registration
   * goes, and two registrations at once would deadlock); one indexed before
   * has its entry updated and only the terms that changed deleted, each by
   * its primary key.
   */
  private async write(
    em: EntityManager,
    registrations: Registration[],
    texts: Map<string, string[]>,
    options: { fresh?: boolean } = {},
  ): Promise<void> {
    const ids = registrations.map((r) => r.id);
    const indexed = new Set(
      options.fresh
        ? []
        : (
            await em.query<Array<{ registration_id: string }>>(
              'SELECT registration_id FROM directory_entries WHERE registration_id IN (?)',
              [ids],
            )
          ).map((row) => row.registration_id),
    );
    const held = new Map<string, Set<string>>();
    if (indexed.size > 0)
      for (const row of await em.query<Array<{ registration_id: string; term: string }>>(
        'SELECT registration_id, term FROM directory_terms WHERE registration_id IN (?)',
        [[...indexed]],
      ))
        held.set(row.registration_id, (held.get(row.registration_id) ?? new Set()).add(row.term));
    const fresh: unknown[] = [];
    const added: unknown[] = [];
    for (const r of registrations) {
      const lines = texts.get(r.id) ?? [];
      const text = lines.map((t) => t.replace(/\s+/g, ' ')).join('\n');
      const terms = indexTerms(lines);
      const before = held.get(r.id) ?? new Set<string>();
      if (indexed.has(r.id)) {
        await em.query('UPDATE directory_entries SET search_text = ? WHERE registration_id = ?', [text, r.id]);
        for (const term of before)
          if (!terms.has(term))
            await em.query('DELETE FROM directory_terms WHERE event_id = ? AND term = ? AND registration_id = ?', [
              r.eventId,
              term,
              r.id,
            ]);
      } else fresh.push([r.id, r.eventId, text]);
      for (const term of terms) if (!before.has(term)) added.push([r.eventId, term, r.id]);
    }
    if (fresh.length > 0)
      await em.query('INSERT IGNORE INTO directory_entries (registration_id, event_id, search_text) VALUES ?', [fresh]);
    for (const part of chunks(added, 2_000))
      await em.query('INSERT IGNORE INTO directory_terms (event_id, term, registration_id) VALUES ?', [part]);
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
