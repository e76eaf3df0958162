import { Injectable } from '@nestjs/common';
import { UserContactRow, UserLookupService } from '@roundtable/auth';
import { jsonText } from '@roundtable/database';
import type { ScriptNames } from '@roundtable/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';

/** An approved registration as other features need it: who, how to address them, which company, which languages. */
export interface DelegateContact {
  registrationId: string;
  userId: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
  companyId: string | null;
  companyName: string | null;
  /** The delegate's name in other scripts (badge names), shown beside the original in the reader's script. */
  badgeNames: ScriptNames | null;
  /** The company's name in Chinese and Russian, when registered. */
  companyNames: ScriptNames | null;
  languages: string[];
  availability: Array<{ start: string; end: string }> | null;
}

/** Which approved registrations: all of the event's, those of these ids, or those of these companies. */
export interface DelegateFilter {
  registrationIds?: string[];
  companyIds?: string[];
}

/**
 * The registrations and companies tables are this lib's alone. Meetings,
 * agreements and the rest ask here, passing their transaction's manager so
 * they read under their own locks, instead of joining the tables.
 */
@Injectable()
export class DelegateLookupService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserLookupService,
  ) {}

  /**
   * The event's approved registrations (any role) with their person and
   * company: one query (the person through UserLookupService's join).
   */
  async approved(
    eventId: string,
    filter: DelegateFilter = {},
    em: EntityManager = this.dataSource.manager,
  ): Promise<DelegateContact[]> {
    if (filter.registrationIds?.length === 0 || filter.companyIds?.length === 0) return [];
    const user = this.users.contactJoin('r.user_id');
    const where = ["r.event_id = ? AND r.status = 'approved'"];
    const params: unknown[] = [eventId];
    if (filter.registrationIds) {
      where.push(`r.id IN (${filter.registrationIds.map(() => '?').join(', ')})`);
      params.push(...filter.registrationIds);
    }
    if (filter.companyIds) {
      where.push(`r.company_id IN (${filter.companyIds.map(() => '?').join(', ')})`);
      params.push(...filter.companyIds);
    }
    const rows: Array<
      UserContactRow & {
        id: string;
        user_id: string;
        time_zone: string | null;
        company_id: string | null;
        badge_names: string | null;
        languages: string | null;
        availability: string | null;
        company_name: string | null;
        name_zh: string | null;
        name_ru: string | null;
      }
    > = await em.query(
      `SELECT r.id, r.user_id, r.time_zone, r.company_id, r.badge_names, r.languages, r.availability,
              c.name AS company_name, c.name_zh, c.name_ru, ${user.columns}
         FROM registrations r ${user.join} LEFT JOIN companies c ON c.id = r.company_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at, r.id`,
      params,
    );
    return rows.map((r) => {
      const contact = this.users.contactOfRow(r);
      return {
        registrationId: r.id,
        userId: r.user_id,
        name: contact.name,
        email: contact.email,
        locale: contact.locale ?? 'en',
        timeZone: r.time_zone ?? 'UTC',
        companyId: r.company_id,
        companyName: r.company_name,
        badgeNames: jsonText.from(r.badge_names) as ScriptNames | null,
        companyNames: r.name_zh || r.name_ru ? { zh: r.name_zh, ru: r.name_ru } : null,
        languages: (jsonText.from(r.languages) as string[] | null) ?? [],
        availability: jsonText.from(r.availability) as DelegateContact['availability'],
      };
    });
  }

  /** The event's approved registrations of these companies: their ids and companies. */
  async approvedOfCompanies(
    eventId: string,
    companyIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ registrationId: string; companyId: string }>> {
    if (companyIds.length === 0) return [];
    const rows = await em.getRepository(Registration).find({
      select: { id: true, companyId: true },
      where: { eventId, status: 'approved', companyId: In(companyIds) },
    });
    return rows.map((r) => ({ registrationId: r.id, companyId: r.companyId! }));
  }

  /**
   * Those of these companies that someone registered for the event with (any
   * status): the companies an organiser may name in the event's records.
   */
  async companiesOfEvent(
    eventId: string,
    companyIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Company>> {
    if (companyIds.length === 0) return new Map();
    const registered = await em
      .getRepository(Registration)
      .createQueryBuilder('r')
      .select('DISTINCT r.company_id', 'companyId')
      .where('r.event_id = :eventId AND r.company_id IN (:...companyIds)', { eventId, companyIds })
      .getRawMany<{ companyId: string }>();
    return this.companies(
      registered.map((r) => r.companyId),
      em,
    );
  }

  private async companies(ids: string[], em: EntityManager): Promise<Map<string, Company>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    return new Map((await em.getRepository(Company).findBy({ id: In(unique) })).map((c) => [c.id, c]));
  }
}
