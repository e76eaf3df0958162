import { Injectable } from '@nestjs/common';
import { UserLookupService } from '@roundtable/auth';
import { DataSource, In } from 'typeorm';
import { CompanyDto, DelegateDto } from './dto/registration.dto';
import { Company } from './entities/company.entity';
import { AvailabilityWindow, Registration } from './entities/registration.entity';

/** An approved delegate's profile as other features (recommendations) read it. */
export interface DelegateProfileRow {
  registrationId: string;
  eventId: string;
  companyId: string | null;
  offers: string | null;
  seeks: string | null;
  sectors: string[];
  country: string | null;
  languages: string[];
  needsInterpreter: boolean;
  availability: AvailabilityWindow[] | null;
  /** The later of the registration's and the company's last change. */
  changedAt: Date;
}

/** A registration or its company changed at `changedAt`. */
export interface ProfileChange {
  registrationId: string;
  eventId: string;
  changedAt: Date;
}

const changedAt = (r: Registration, c: Company | undefined): Date =>
  c && c.updatedAt > r.updatedAt ? c.updatedAt : r.updatedAt;

/**
 * Read-only lookups over delegates' profiles for other features, so they
 * never query registrations or companies themselves: what changed since
 * when (any status: an approval or a cancellation is a change too), the
 * matching facts of approved delegates, and directory cards to show them.
 */
@Injectable()
export class DelegateProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserLookupService,
  ) {}

  /**
   * Registrations (of any event and status) whose row or company changed
   * after the keyset position `after` (change time, then registration id),
   * oldest change first; a registration changed twice may appear twice.
   */
  async changedSince(after: { at: Date; id: string }, limit: number): Promise<ProfileChange[]> {
    const rows = await this.dataSource.query<Array<{ id: string; event_id: string; changed_at: Date }>>(
      `SELECT id, event_id, changed_at FROM (
         SELECT r.id, r.event_id, r.updated_at AS changed_at FROM registrations r WHERE r.updated_at >= ?
         UNION ALL
         SELECT r.id, r.event_id, c.updated_at AS changed_at
           FROM companies c JOIN registrations r ON r.company_id = c.id WHERE c.updated_at >= ?
       ) changes
       WHERE changed_at > ? OR (changed_at = ? AND id > ?)
       ORDER BY changed_at, id LIMIT ${Number(limit)}`,
      [after.at, after.at, after.at, after.at, after.id],
    );
    return rows.map((r) => ({ registrationId: r.id, eventId: r.event_id, changedAt: new Date(r.changed_at) }));
  }

  /** Approved delegates of the event with their company's offers and seeks (all of them, or those of `ids`). */
  async approvedProfiles(eventId: string, ids?: string[]): Promise<DelegateProfileRow[]> {
    if (ids && ids.length === 0) return [];
    const registrations = await this.dataSource.getRepository(Registration).findBy({
      eventId,
      status: 'approved',
      role: 'delegate',
      ...(ids ? { id: In(ids) } : {}),
    });
    const companyIds = [...new Set(registrations.map((r) => r.companyId).filter((id): id is string => id !== null))];
    const companies = new Map(
      (companyIds.length ? await this.dataSource.getRepository(Company).findBy({ id: In(companyIds) }) : []).map(
        (c) => [c.id, c],
      ),
    );
    return registrations.map((r) => {
      const c = r.companyId ? companies.get(r.companyId) : undefined;
      return {
        registrationId: r.id,
        eventId: r.eventId,
        companyId: r.companyId,
        offers: c?.offers ?? null,
        seeks: c?.seeks ?? null,
        sectors: c?.sectors ?? [],
        country: c?.country ?? null,
        languages: r.languages,
        needsInterpreter: r.needsInterpreter,
        availability: r.availability,
        changedAt: changedAt(r, c),
      };
    });
  }

  /** Directory cards of the approved delegates among `ids` (the email only where the delegate shares it). */
  async cards(eventId: string, ids: string[]): Promise<Map<string, DelegateDto>> {
    if (ids.length === 0) return new Map();
    const registrations = await this.dataSource
      .getRepository(Registration)
      .findBy({ eventId, status: 'approved', role: 'delegate', id: In(ids) });
    const users = await this.users.contacts(registrations.map((r) => r.userId));
    const companyIds = registrations.map((r) => r.companyId).filter((id): id is string => id !== null);
    const companies = new Map(
      (companyIds.length ? await this.dataSource.getRepository(Company).findBy({ id: In(companyIds) }) : []).map(
        (c) => [c.id, c],
      ),
    );
    return new Map(
      registrations.map((r) => {
        const user = users.get(r.userId)!;
        const company = r.companyId ? companies.get(r.companyId) : undefined;
        const card: DelegateDto = Object.assign(new DelegateDto(), {
          registrationId: r.id,
          name: user.name,
          email: r.shareEmail ? user.email : null,
          jobTitle: r.jobTitle,
          languages: r.languages,
          timeZone: r.timeZone,
          company: company ? CompanyDto.from(company) : null,
        } satisfies DelegateDto);
        return [r.id, card];
      }),
    );
  }
}
