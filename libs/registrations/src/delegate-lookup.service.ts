import { Injectable } from '@nestjs/common';
import { UserLookupService } from '@roundtable/auth';
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

  /** The event's approved registrations (any role) with their person and company. */
  async approved(
    eventId: string,
    filter: DelegateFilter = {},
    em: EntityManager = this.dataSource.manager,
  ): Promise<DelegateContact[]> {
    if (filter.registrationIds?.length === 0 || filter.companyIds?.length === 0) return [];
    const registrations = await em.getRepository(Registration).findBy({
      eventId,
      status: 'approved',
      ...(filter.registrationIds ? { id: In(filter.registrationIds) } : {}),
      ...(filter.companyIds ? { companyId: In(filter.companyIds) } : {}),
    });
    const users = await this.users.contacts(
      registrations.map((r) => r.userId),
      em,
    );
    const companies = await this.companies(
      registrations.flatMap((r) => (r.companyId ? [r.companyId] : [])),
      em,
    );
    const busy = await this.busyWindows(
      eventId,
      filter.registrationIds || filter.companyIds ? registrations.map((r) => r.id) : undefined,
      em,
    );
    return registrations.flatMap((r) => {
      const user = users.get(r.userId);
      if (!user) return [];
      const company = r.companyId ? companies.get(r.companyId) : undefined;
      return [
        {
          registrationId: r.id,
          userId: r.userId,
          name: user.name,
          email: user.email,
          locale: user.locale ?? 'en',
          timeZone: r.timeZone ?? 'UTC',
          companyId: r.companyId,
          companyName: company?.name ?? null,
          badgeNames: r.badgeNames,
          companyNames:
            company && (company.nameZh || company.nameRu) ? { zh: company.nameZh, ru: company.nameRu } : null,
          languages: r.languages ?? [],
          availability: r.availability,
          busy: busy.get(r.id) ?? [],
        },
      ];
    });
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

  /** The ids of the event's approved registrations of these companies. */
  async approvedIdsOfCompanies(
    eventId: string,
    companyIds: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    if (companyIds.length === 0) return [];
    const rows = await em.getRepository(Registration).find({
      select: { id: true },
      where: { eventId, status: 'approved', companyId: In(companyIds) },
    });
    return rows.map((r) => r.id);
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
