import { Injectable } from '@nestjs/common';
import { UserContactRow, UserLookupService } from '@roundtable/auth';
import { jsonText } from '@roundtable/database';
import { SessionsService } from '@roundtable/events';
import type { ScriptNames } from '@roundtable/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';
import { SiteVisitSignup } from './entities/site-visit-signup.entity';

/** A span of time a delegate is away (a site visit they signed up for): no meeting may be placed in it. */
export interface BusyWindow {
  start: Date;
  end: Date;
}

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
  /** Site visits the delegate is signed up for (confirmed or waiting): meetings avoid these times. */
  busy: BusyWindow[];
}

/** The other side of a row between two registrations (a meeting's), read with `counterpartJoin`. */
export interface Counterpart {
  registrationId: string;
  name: string;
  companyName: string | null;
}

/** The columns `DelegateLookupService.counterpartJoin` adds to a row, read back by `counterpartOfRow`. */
export interface CounterpartRow extends UserContactRow {
  own_id: string;
  own_time_zone: string | null;
  other_id: string;
  other_company_name: string | null;
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
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The event's approved registrations (any role) with their person and
   * company: one query (the person through UserLookupService's join), and a
   * second only when some of them are signed up for a site visit.
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
        away: number | string;
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
              c.name AS company_name, c.name_zh, c.name_ru, ${user.columns},
              EXISTS (SELECT 1 FROM site_visit_signups v WHERE v.registration_id = r.id AND v.event_id = r.event_id
                         AND v.status IN ('confirmed', 'waitlisted')) AS away
         FROM registrations r ${user.join} LEFT JOIN companies c ON c.id = r.company_id
        WHERE ${where.join(' AND ')}
        ORDER BY r.created_at, r.id`,
      params,
    );
    // Most delegates sign up for no site visit: the visits' times are read only when someone did
    // (the whole event's sign-ups when the whole event was asked for).
    const away = rows.filter((r) => Number(r.away) === 1).map((r) => r.id);
    const busy =
      away.length === 0
        ? new Map<string, BusyWindow[]>()
        : await this.busyWindows(eventId, filter.registrationIds || filter.companyIds ? away : undefined, em);
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
        busy: busy.get(r.id) ?? [],
      };
    });
  }

  /**
   * SQL for another lib's own query over rows between two registrations (a
   * meeting's), as UserLookupService.contactJoin: keeps the rows whose
   * `ownColumn` is an approved registration of the user given as the join's
   * one `?` parameter and whose `otherColumn` is approved too, adding the
   * columns of CounterpartRow (the own registration's zone, the other's
   * person and company). Aliases taken: pair_own, pair_other, pair_company,
   * contact. A row names each column once, so an "either side" query is two
   * of these joined by UNION ALL (each then reads the meetings by their index).
   */
  counterpartJoin(ownColumn: string, otherColumn: string): { columns: string; join: string } {
    const user = this.users.contactJoin('pair_other.user_id');
    return {
      columns:
        'pair_own.id AS own_id, pair_own.time_zone AS own_time_zone, pair_other.id AS other_id, ' +
        `pair_company.name AS other_company_name, ${user.columns}`,
      join:
        `JOIN registrations pair_own ON pair_own.id = ${ownColumn} AND pair_own.user_id = ? AND pair_own.status = 'approved' ` +
        `JOIN registrations pair_other ON pair_other.id = ${otherColumn} AND pair_other.status = 'approved' ` +
        `${user.join} LEFT JOIN companies pair_company ON pair_company.id = pair_other.company_id`,
    };
  }

  /** The other side in a row read with `counterpartJoin`. */
  counterpartOfRow(row: CounterpartRow): Counterpart {
    return {
      registrationId: row.other_id,
      name: this.users.contactOfRow(row).name,
      companyName: row.other_company_name,
    };
  }

  /**
   * The site-visit times (session start to end) each of these registrations
   * (or every registration of the event) holds a live sign-up for.
   */
  async busyWindows(
    eventId: string,
    registrationIds: string[] | undefined,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, BusyWindow[]>> {
    const busy = new Map<string, BusyWindow[]>();
    if (registrationIds?.length === 0) return busy;
    const signups = await em.getRepository(SiteVisitSignup).find({
      select: { registrationId: true, sessionId: true },
      where: {
        eventId,
        status: In(['confirmed', 'waitlisted']),
        ...(registrationIds ? { registrationId: In(registrationIds) } : {}),
      },
    });
    if (signups.length === 0) return busy;
    const visits = await this.sessions.siteVisits(eventId, [...new Set(signups.map((s) => s.sessionId))], em);
    for (const s of signups) {
      const visit = visits.find((v) => v.id === s.sessionId);
      if (!visit) continue;
      busy.set(s.registrationId, [...(busy.get(s.registrationId) ?? []), { start: visit.startsAt, end: visit.endsAt }]);
    }
    return busy;
  }

  /**
   * The event's approved registrations of the companies `companies` selects
   * (a subquery over the caller's own tables, with its parameters): their ids
   * and companies. A subquery, not a list, so a caller can send this before it
   * has read the companies, beside the statement that reads them.
   */
  async approvedOfCompaniesIn(
    eventId: string,
    companies: { sql: string; params: unknown[] },
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ registrationId: string; companyId: string }>> {
    const rows: Array<{ id: string; company_id: string }> = await em.query(
      `SELECT id, company_id FROM registrations
        WHERE event_id = ? AND status = 'approved' AND company_id IN (${companies.sql})`,
      [eventId, ...companies.params],
    );
    return rows.map((r) => ({ registrationId: r.id, companyId: r.company_id }));
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
