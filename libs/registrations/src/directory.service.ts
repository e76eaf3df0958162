import { Injectable } from '@nestjs/common';
import { AuthUser, UserLookupService } from '@roundtable/auth';
import { decodeCursor, Page, toPage } from '@roundtable/common';
import { EventAccessService } from '@roundtable/events';
import { ReadReplicas } from '@roundtable/database';
import { EntityManager } from 'typeorm';
import { DelegateDto, CompanyDto, DirectoryQueryDto } from './dto/registration.dto';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';
import { searchTerms } from './directory-terms';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

/** LIKE wildcards in a search are literal characters, never patterns. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The delegate directory: only approved delegates and organisers see it, and only what each delegate shares. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly replicas: ReadReplicas,
    private readonly events: EventAccessService,
    private readonly access: RegistrationAccessService,
    private readonly users: UserLookupService,
  ) {}

  /** Read from a replica unless the reader wrote something moments ago (see ReadReplicas). */
  search(eventId: string, query: DirectoryQueryDto, user: AuthUser): Promise<Page<DelegateDto>> {
    return this.replicas.read({ userId: user.id }, (em) => this.searchOn(em, eventId, query, user));
  }

  private async searchOn(
    em: EntityManager,
    eventId: string,
    query: DirectoryQueryDto,
    user: AuthUser,
  ): Promise<Page<DelegateDto>> {
    // Who may read, asked side by side (outside a transaction each read takes its own connection);
    // an unknown or hidden event answers 404 before anything about the caller.
    const [, organiser, own] = await Promise.all([
      this.events.getVisibleEvent(eventId, user, em),
      this.events.isOrganiser(eventId, user, em),
      this.access.findOwn(eventId, user.id, em),
    ]);
    if (!organiser && own?.status !== 'approved')
      throw new RegistrationError(
        RegistrationErrorCode.NotApprovedDelegate,
        'Only approved delegates of this event may do this',
      );
    const after = decodeCursor(query.cursor, ['instant', 'id']);
    const qb = em
      .getRepository(Registration)
      .createQueryBuilder('r')
      .leftJoin(Company, 'c', 'c.id = r.companyId')
      .select(['r.id AS id', 'r.created_at AS createdAt', 'r.user_id AS userId', 'r.share_email AS shareEmail'])
      .addSelect([
        'r.job_title AS jobTitle',
        'r.languages AS languages',
        'r.time_zone AS timeZone',
        'c.id AS companyId',
      ])
      .where('r.eventId = :eventId', { eventId })
      .andWhere("r.status = 'approved'")
      .andWhere("r.role = 'delegate'")
      .orderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(query.limit + 1);
    if (query.q) {
      // The index finds who holds every term of the search (words by their beginnings, Chinese by
      // characters and pairs); the text then has to contain the search as written.
      const terms = searchTerms(query.q);
      if (terms.length > 0)
        qb.andWhere(
          `r.id IN (SELECT t.registration_id FROM directory_terms t WHERE t.event_id = :eventId AND t.term IN (:...terms)
                     GROUP BY t.registration_id HAVING COUNT(*) = :termCount)`,
          { terms, termCount: terms.length },
        );
      qb.andWhere(
        'EXISTS (SELECT 1 FROM directory_entries e WHERE e.registration_id = r.id AND e.search_text LIKE :like)',
        { like: `%${escapeLike(query.q)}%` },
      );
    }
    if (query.country) qb.andWhere('c.country = :country', { country: query.country });
    if (query.sector) qb.andWhere('JSON_CONTAINS(c.sectors, JSON_QUOTE(:sector))', { sector: query.sector });
    if (query.language) qb.andWhere('JSON_CONTAINS(r.languages, JSON_QUOTE(:language))', { language: query.language });
    if (after)
      qb.andWhere('(r.createdAt > :at OR (r.createdAt = :at AND r.id > :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    const rows = await qb.getRawMany<{
      id: string;
      createdAt: Date;
      userId: string;
      shareEmail: number;
      jobTitle: string | null;
      languages: string;
      timeZone: string;
      companyId: string | null;
    }>();
    const companyIds = [...new Set(rows.map((r) => r.companyId).filter((id): id is string => id !== null))];
    const [users, companies] = await Promise.all([
      this.users.contacts(
        rows.map((r) => r.userId),
        em,
      ),
      companyIds.length ? em.getRepository(Company).findBy(companyIds.map((id) => ({ id }))) : Promise.resolve([]),
    ]);
    return toPage(
      rows,
      query.limit,
      (r) => [new Date(r.createdAt).toISOString(), r.id],
      (r) => {
        const company = companies.find((c) => c.id === r.companyId);
        const user = users.get(r.userId)!;
        return Object.assign(new DelegateDto(), {
          registrationId: r.id,
          name: user.name,
          email: Number(r.shareEmail) === 1 ? user.email : null,
          jobTitle: r.jobTitle,
          languages: JSON.parse(r.languages) as string[],
          timeZone: r.timeZone,
          company: company ? CompanyDto.from(company) : null,
        });
      },
    );
  }
}
