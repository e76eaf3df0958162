import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthService, AuthUser, UserContact, UserLookupService } from '@roundtable/auth';
import { decodeCursor, newId, Page, toPage } from '@roundtable/common';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { Event, EventAccessService, eventNames, EventsService } from '@roundtable/events';
import { OutboxService } from '@roundtable/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import { CompanyInputDto, RegisterDto, RegistrationQueryDto } from './dto/registration.dto';
import { Company } from './entities/company.entity';
import { Invitation } from './entities/invitation.entity';
import { Registration, RegistrationStatus } from './entities/registration.entity';
import { DirectoryCompany, DirectoryIndexService } from './directory-index.service';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { EventCancelledPayload, RegistrationMailPayload } from './templates/registration-templates';

/** LIKE wildcards in a search are literal characters, never patterns. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface RegistrationRow {
  registration: Registration;
  user: { name: string; email: string };
  company: Company | null;
  /** Place on the event's waiting list (1 = next), null unless waitlisted. */
  waitlistPosition: number | null;
}

/**
 * Told inside the transaction that rejects or cancels a registration, with the
 * event row locked and before the status changes, so that what the
 * registration held (meetings, requests) is released in the same transaction.
 * Registrations announces; the features holding such things subscribe.
 */
export type RegistrationWithdrawnListener = (
  em: EntityManager,
  event: Event,
  registration: Registration,
) => Promise<unknown>;

/** How one row of a bulk action went. */
export interface BulkRowResult {
  registrationId: string;
  ok: boolean;
  /** The status now (null: no such registration at this event). */
  status: RegistrationStatus | null;
  code: string | null;
  message: string | null;
}

/** Which statuses each organiser or delegate action may start from. */
const ALLOWED_FROM: Record<'approve' | 'reject' | 'cancel', RegistrationStatus[]> = {
  approve: ['pending', 'waitlisted'],
  reject: ['pending', 'waitlisted', 'approved'],
  cancel: ['pending', 'waitlisted', 'approved'],
};

/** Registrations whose people hear that the event is cancelled. */
const TOLD_OF_CANCELLATION: RegistrationStatus[] = ['pending', 'approved', 'waitlisted'];

/** Counts keyed by a status, a country or a sector, for the organisers' dashboard. */
export interface RegistrationCounts {
  byStatus: { key: string; count: number }[];
  byCountry: { key: string; count: number }[];
  bySector: { key: string; count: number }[];
}

/**
 * Registrations and their workflow. Every decision that counts approved
 * delegates against the capacity runs with the event row locked, so
 * concurrent registrations can never push the event over capacity, and the
 * waiting list is promoted strictly first come, first served.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly eventsService: EventsService,
    private readonly access: RegistrationAccessService,
    private readonly outbox: OutboxService,
    private readonly auth: AuthService,
    private readonly directory: DirectoryIndexService,
    private readonly users: UserLookupService,
  ) {}

  /**
   * How many registrations the event has by status, and the live ones (pending, approved, waitlisted) by their
   * company's country and sector: three grouped queries, the sector one a row per company, for the dashboard.
   */
  async dashboardCounts(eventId: string): Promise<RegistrationCounts> {
    const live = "r.status IN ('pending', 'approved', 'waitlisted')";
    const [byStatus, byCountry, companies] = await Promise.all([
      this.dataSource.query<{ k: string; n: string }[]>(
        'SELECT r.status AS k, COUNT(*) AS n FROM registrations r WHERE r.event_id = ? GROUP BY r.status',
        [eventId],
      ),
      this.dataSource.query<{ k: string; n: string }[]>(
        `SELECT c.country AS k, COUNT(*) AS n FROM registrations r JOIN companies c ON c.id = r.company_id
         WHERE r.event_id = ? AND ${live} GROUP BY c.country`,
        [eventId],
      ),
      this.dataSource.query<{ sectors: string; n: string }[]>(
        `SELECT c.sectors AS sectors, COUNT(*) AS n FROM registrations r JOIN companies c ON c.id = r.company_id
         WHERE r.event_id = ? AND ${live} GROUP BY c.id, c.sectors`,
        [eventId],
      ),
    ]);
    const bySector = new Map<string, number>();
    for (const row of companies) {
      const sectors = JSON.parse(row.sectors) as string[];
      for (const sector of sectors) bySector.set(sector, (bySector.get(sector) ?? 0) + Number(row.n));
    }
    const counts = (rows: { k: string; n: string }[]) => rows.map((r) => ({ key: r.k, count: Number(r.n) }));
    return {
      byStatus: counts(byStatus),
      byCountry: counts(byCountry),
      bySector: [...bySector].map(([key, count]) => ({ key, count })),
    };
  }

  private readonly withdrawn: RegistrationWithdrawnListener[] = [];

  onRegistrationWithdrawn(listener: RegistrationWithdrawnListener): void {
    this.withdrawn.push(listener);
  }

  onModuleInit(): void {
    this.eventsService.onCapacityRaised((em, event) => this.promoteWaitlisted(em, event));
    this.eventsService.onCancelled((em, event, reason) => this.mailCancellation(em, event, reason));
  }

  async register(eventId: string, dto: RegisterDto, user: AuthUser): Promise<RegistrationRow> {
    const id = await inTransaction(this.dataSource, async (em) => {
      // one read of the event, under its lock (a draft is not found, except by its organisers)
      const event = await this.events.lockVisibleEvent(em, eventId, user);
      if (event.status !== 'published') {
        throw new RegistrationError(RegistrationErrorCode.RegistrationClosed, 'This event does not take registrations');
      }
      const invitation = dto.invitationToken ? await this.useInvitation(em, event, dto.invitationToken, user) : null;
      const now = Date.now();
      // An invitation may come before the window opens (that is what inviting early is for); after it
      // closes only an invitation the organiser explicitly marked for late registration gets in.
      if (!invitation && event.registrationOpensAt && now < event.registrationOpensAt.getTime()) {
        throw new RegistrationError(
          RegistrationErrorCode.RegistrationClosed,
          `Registration opens at ${event.registrationOpensAt.toISOString()}`,
        );
      }
      if (
        event.registrationClosesAt &&
        now > event.registrationClosesAt.getTime() &&
        !invitation?.allowLateRegistration
      ) {
        throw new RegistrationError(
          RegistrationErrorCode.RegistrationClosed,
          invitation
            ? 'Registration has closed, and this invitation does not allow late registration'
            : 'Registration has closed',
        );
      }
      const company = dto.company ? await this.findOrCreateCompany(em, dto.company) : null;
      const role = invitation?.role ?? dto.role ?? 'delegate';
      const preApproved = invitation !== null || !event.requiresApproval;
      const status: 'pending' | 'approved' | 'waitlisted' = !preApproved
        ? 'pending'
        : role === 'delegate' && !(await this.hasSeat(em, event))
          ? 'waitlisted'
          : 'approved';
      const registration = em.getRepository(Registration).create({
        id: newId(),
        eventId,
        userId: user.id,
        companyId: company?.id ?? null,
        role,
        status,
        jobTitle: dto.jobTitle ?? null,
        languages: dto.languages ?? [user.locale],
        needsInterpreter: dto.needsInterpreter ?? false,
        timeZone: dto.timeZone ?? user.timeZone,
        shareEmail: dto.shareEmail ?? false,
        badgeNames: dto.badgeNames ? { ...dto.badgeNames } : null,
        availability: null,
        badgeCode: randomBytes(16).toString('hex'),
        checkedInAt: null,
        approvedAt: status === 'approved' ? new Date() : null,
        invitationId: invitation?.id ?? null,
      });
      try {
        await em.getRepository(Registration).insert(registration);
      } catch (error) {
        if (isDuplicateKey(error, 'uq_registrations_event_user')) {
          throw new RegistrationError(
            RegistrationErrorCode.AlreadyRegistered,
            'You are already registered for this event',
          );
        }
        throw error;
      }
      const type = {
        pending: 'registration-received',
        approved: 'registration-approved',
        waitlisted: 'registration-waitlisted',
      }[status];
      // indexed from what this transaction holds: the company as found or written, the caller's name
      await this.directory.indexNew(em, registration, company, user.name);
      await this.mail(em, event, registration, type, user);
      return registration.id;
    });
    return this.row(eventId, id);
  }

  async transition(
    eventId: string,
    registrationId: string,
    action: keyof typeof ALLOWED_FROM,
    reason?: string,
  ): Promise<RegistrationRow> {
    await this.applyTransition(eventId, registrationId, action, reason);
    return this.row(eventId, registrationId);
  }

  /**
   * The organisers' bulk approve or reject: each registration in its own transaction, in the order given,
   * so one refusal (capacity full, already rejected, not of this event) leaves the others done; every row
   * says how it went.
   */
  async bulk(
    eventId: string,
    action: 'approve' | 'reject',
    registrationIds: string[],
    reason?: string,
  ): Promise<BulkRowResult[]> {
    const outcomes: Array<{ registrationId: string; error: RegistrationError | null }> = [];
    for (const registrationId of registrationIds) {
      try {
        await this.applyTransition(eventId, registrationId, action, reason);
        outcomes.push({ registrationId, error: null });
      } catch (error) {
        if (!(error instanceof RegistrationError)) throw error;
        outcomes.push({ registrationId, error });
      }
    }
    const statuses = new Map(
      (
        await this.dataSource
          .getRepository(Registration)
          .find({ select: { id: true, status: true }, where: { eventId, id: In(registrationIds) } })
      ).map((r) => [r.id, r.status]),
    );
    return outcomes.map(({ registrationId, error }) => ({
      registrationId,
      ok: error === null,
      status: statuses.get(registrationId) ?? null,
      code: error?.code ?? null,
      message: error?.message ?? null,
    }));
  }

  private async applyTransition(
    eventId: string,
    registrationId: string,
    action: keyof typeof ALLOWED_FROM,
    reason?: string,
  ): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const event = await this.events.lockEvent(em, eventId);
      const registration = await this.access.getRegistration(eventId, registrationId, em);
      if (!ALLOWED_FROM[action].includes(registration.status)) {
        throw new RegistrationError(
          RegistrationErrorCode.InvalidTransition,
          `Cannot ${action} a registration that is ${registration.status}`,
          {
            status: registration.status,
          },
        );
      }
      const wasApproved = registration.status === 'approved';
      if (action === 'approve') {
        if (registration.role === 'delegate' && !(await this.hasSeat(em, event))) {
          throw new RegistrationError(RegistrationErrorCode.CapacityFull, `All ${event.capacity} places are taken`, {
            capacity: event.capacity,
          });
        }
        await this.setStatus(em, registration, 'approved');
        await this.mail(em, event, registration, 'registration-approved');
        return;
      }
      for (const listener of this.withdrawn) await listener(em, event, registration);
      // an approved visa letter is an official invitation: it goes with the registration
      await em.query(
        "UPDATE visa_requests SET status = 'rejected', decided_at = NOW(3) WHERE registration_id = ? AND status <> 'rejected'",
        [registration.id],
      );
      await this.setStatus(em, registration, action === 'reject' ? 'rejected' : 'cancelled');
      await this.mail(
        em,
        event,
        registration,
        action === 'reject' ? 'registration-rejected' : 'registration-cancelled',
        undefined,
        reason,
      );
      if (wasApproved) await this.promoteWaitlisted(em, event);
    });
  }

  /**
   * Fills free seats from the waiting list, oldest first. Call with the event
   * row locked (after a cancellation, a rejection or a capacity increase).
   */
  async promoteWaitlisted(em: EntityManager, event: Event): Promise<number> {
    let promoted = 0;
    while (await this.hasSeat(em, event)) {
      const next = await em.getRepository(Registration).findOne({
        where: { eventId: event.id, status: 'waitlisted', role: 'delegate' },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (!next) break;
      await this.setStatus(em, next, 'approved');
      await this.mail(em, event, next, 'registration-promoted');
      promoted += 1;
    }
    return promoted;
  }

  /** Re-runs promotion, e.g. after the organiser raised the capacity. */
  async promote(eventId: string): Promise<number> {
    return inTransaction(this.dataSource, async (em) =>
      this.promoteWaitlisted(em, await this.events.lockEvent(em, eventId)),
    );
  }

  /**
   * The organisers' list: filters, a search and a sort, all in SQL. Sorted by the time of registering it
   * pages by keyset (`cursor`); any other sort, or a numbered `page`, pages by offset (its cursor carries
   * the offset). The person's name and e-mail come through the users lookup's join.
   */
  async list(
    eventId: string,
    query: Omit<RegistrationQueryDto, 'limit'> & { limit: number },
  ): Promise<Page<RegistrationRow> & { total: number }> {
    const sort = query.sort ?? 'createdAt';
    const descending = sort.startsWith('-');
    const key = (descending ? sort.slice(1) : sort) as 'createdAt' | 'name' | 'company' | 'country' | 'status';
    const keyset = key === 'createdAt' && query.page === undefined;
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    filter('r.event_id = ?', eventId);
    if (query.status) filter('r.status = ?', query.status);
    if (query.role) filter('r.role = ?', query.role);
    if (query.country) filter('c.country = ?', query.country);
    if (query.sector) filter('JSON_CONTAINS(c.sectors, JSON_QUOTE(?))', query.sector);
    if (query.q) {
      const like = `%${escapeLike(query.q)}%`;
      filter(
        '(contact.name LIKE ? OR contact.email LIKE ? OR c.name LIKE ? OR c.name_zh LIKE ? OR c.name_ru LIKE ?)',
        ...[like, like, like, like, like],
      );
    }
    const { join } = this.users.contactJoin('r.user_id');
    const from = `FROM registrations r ${join} LEFT JOIN companies c ON c.id = r.company_id WHERE ${where.join(' AND ')}`;
    const direction = descending ? 'DESC' : 'ASC';
    const column = {
      createdAt: 'r.created_at',
      name: 'contact.name',
      company: 'c.name',
      country: 'c.country',
      status: 'r.status',
    }[key];
    let page = '';
    const pageParams: unknown[] = [];
    let offset = 0;
    if (keyset) {
      const after = decodeCursor(query.cursor, ['instant', 'id']);
      if (after) {
        const cmp = descending ? '<' : '>';
        page = ` AND (r.created_at ${cmp} ? OR (r.created_at = ? AND r.id ${cmp} ?))`;
        pageParams.push(new Date(after[0]), new Date(after[0]), String(after[1]));
      }
    } else if (query.page !== undefined) offset = (query.page - 1) * query.limit;
    else offset = Number(decodeCursor(query.cursor, ['seq'])?.[0] ?? 0);
    const [ids, [{ total }]] = await Promise.all([
      this.dataSource.query<Array<{ id: string }>>(
        `SELECT r.id ${from}${page} ORDER BY ${column} ${direction}, r.id ${direction} LIMIT ? OFFSET ?`,
        [...params, ...pageParams, query.limit + 1, offset],
      ),
      this.dataSource.query<Array<{ total: string | number }>>(`SELECT COUNT(*) AS total ${from}`, params),
    ]);
    const found = ids.length
      ? await this.dataSource.getRepository(Registration).findBy({ id: In(ids.map((r) => r.id)) })
      : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    const rows = await this.withPeople(ids.map((r) => byId.get(r.id)).filter((r): r is Registration => !!r));
    const result = toPage(
      rows,
      query.limit,
      (r) => (keyset ? [r.registration.createdAt.toISOString(), r.registration.id] : [offset + query.limit]),
      (r) => r,
    );
    return { ...result, total: Number(total) };
  }

  async mine(user: AuthUser): Promise<RegistrationRow[]> {
    return this.withPeople(
      await this.dataSource
        .getRepository(Registration)
        .find({ where: { userId: user.id }, order: { createdAt: 'DESC' } }),
    );
  }

  async row(eventId: string, registrationId: string): Promise<RegistrationRow> {
    const [row] = await this.withPeople([await this.access.getRegistration(eventId, registrationId)]);
    return row;
  }

  /** Joins each registration with its person and company (pass the transaction's manager when inside one). */
  async withPeople(
    registrations: Registration[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<RegistrationRow[]> {
    if (registrations.length === 0) return [];
    const users = await this.users.contacts(
      registrations.map((r) => r.userId),
      em,
    );
    const companyIds = registrations.map((r) => r.companyId).filter((id): id is string => id !== null);
    const companies = companyIds.length ? await em.getRepository(Company).findBy(companyIds.map((id) => ({ id }))) : [];
    const positions = await this.waitlistPositions(registrations, em);
    return registrations.map((registration) => {
      const user = users.get(registration.userId)!;
      return {
        registration,
        user: { name: user.name, email: user.email },
        company: companies.find((c) => c.id === registration.companyId) ?? null,
        waitlistPosition: positions.get(registration.id) ?? null,
      };
    });
  }

  /** Waiting-list places in the order promotion takes them (oldest first), one query for all the waitlisted given. */
  private async waitlistPositions(registrations: Registration[], em: EntityManager): Promise<Map<string, number>> {
    const waiting = registrations.filter((r) => r.status === 'waitlisted' && r.role === 'delegate').map((r) => r.id);
    if (waiting.length === 0) return new Map();
    const rows: Array<{ id: string; position: string | number }> = await em.query(
      `SELECT r.id, (SELECT COUNT(*) FROM registrations w
                      WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.role = 'delegate'
                        AND (w.created_at < r.created_at OR (w.created_at = r.created_at AND w.id <= r.id))) AS position
         FROM registrations r WHERE r.id IN (${waiting.map(() => '?').join(', ')})`,
      waiting,
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /** Runs in the transaction cancelling the event: everyone still registered hears of it. */
  private async mailCancellation(em: EntityManager, event: Event, reason: string | undefined) {
    const registrations = await em
      .getRepository(Registration)
      .findBy({ eventId: event.id, status: In(TOLD_OF_CANCELLATION) });
    const users = await this.users.contacts(
      registrations.map((r) => r.userId),
      em,
    );
    await this.outbox.enqueue(
      em,
      ...registrations.map((registration) => {
        const user = users.get(registration.userId)!;
        return {
          type: 'event-cancelled',
          dedupeKey: `event-cancelled:${event.id}:${registration.id}`,
          eventId: event.id,
          eventTimeZone: event.timeZone,
          eventLocale: event.defaultLocale,
          eventNames: eventNames(event),
          recipient: {
            userId: user.id,
            email: user.email,
            name: user.name,
            locale: user.locale as 'zh' | 'ru' | 'en',
            timeZone: registration.timeZone,
          },
          payload: {
            eventName: event.name,
            startsAt: event.startsAt.toISOString(),
            reason,
          } satisfies EventCancelledPayload,
        };
      }),
    );
  }

  private async hasSeat(em: EntityManager, event: Event): Promise<boolean> {
    if (event.capacity === null) return true;
    const approved = await em
      .getRepository(Registration)
      .countBy({ eventId: event.id, status: 'approved', role: 'delegate' });
    return approved < event.capacity;
  }

  private async setStatus(em: EntityManager, registration: Registration, status: RegistrationStatus) {
    registration.status = status;
    if (status === 'approved') registration.approvedAt = new Date();
    await em
      .getRepository(Registration)
      .update({ id: registration.id }, { status, approvedAt: registration.approvedAt });
  }

  /**
   * Same name (any case) and country is the same company; two delegates creating it at once get one row.
   * A company this call writes is not read back: what the caller uses of it (its id, and the names and
   * texts the directory indexes) is what was written.
   */
  private async findOrCreateCompany(
    em: EntityManager,
    input: CompanyInputDto,
  ): Promise<Pick<Company, 'id'> & DirectoryCompany> {
    const repo = em.getRepository(Company);
    const name = input.name.trim();
    const existing = await repo.findOneBy({ name, country: input.country });
    if (existing) return existing;
    const company = {
      id: newId(),
      name,
      nameZh: input.nameZh ?? null,
      nameRu: input.nameRu ?? null,
      offers: input.offers ?? null,
      seeks: input.seeks ?? null,
    };
    try {
      await em.query(
        `INSERT INTO companies (id, name, name_zh, name_ru, country, region, sectors, size, website, offers, seeks)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          company.id,
          name,
          company.nameZh,
          company.nameRu,
          input.country,
          input.region ?? null,
          JSON.stringify(input.sectors ?? []),
          input.size ?? null,
          input.website ?? null,
          company.offers,
          company.seeks,
        ],
      );
      return company;
    } catch (error) {
      // another delegate's transaction wrote the company first (and has committed: the insert waited for it)
      if (!isDuplicateKey(error, 'uq_companies_name_country')) throw error;
    }
    return repo.findOneByOrFail({ name, country: input.country });
  }

  private async useInvitation(em: EntityManager, event: Event, token: string, user: AuthUser): Promise<Invitation> {
    const invitation = await em
      .getRepository(Invitation)
      .findOne({ where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
    if (!invitation || invitation.eventId !== event.id) {
      throw new RegistrationError(
        RegistrationErrorCode.InvitationInvalid,
        'This invitation is not valid for this event',
      );
    }
    if (invitation.usedAt)
      throw new RegistrationError(RegistrationErrorCode.InvitationUsed, 'This invitation has already been used');
    if (invitation.expiresAt.getTime() < Date.now()) {
      throw new RegistrationError(RegistrationErrorCode.InvitationExpired, 'This invitation has expired');
    }
    if (invitation.email !== user.email) {
      throw new RegistrationError(
        RegistrationErrorCode.InvitationInvalid,
        'This invitation was sent to another email address',
      );
    }
    await em.getRepository(Invitation).update({ id: invitation.id }, { usedAt: new Date() });
    // the token came by mail to this address and its owner used it: the address is confirmed
    await this.auth.markEmailVerified(em, user.id);
    return invitation;
  }

  private async mail(
    em: EntityManager,
    event: Event,
    registration: Registration,
    type: string,
    known?: AuthUser,
    reason?: string,
  ) {
    const user: UserContact = known ?? (await this.users.contact(registration.userId, em));
    await this.outbox.enqueue(em, {
      type,
      dedupeKey: `${type}:${registration.id}`,
      eventId: event.id,
      eventTimeZone: event.timeZone,
      eventLocale: event.defaultLocale,
      eventNames: eventNames(event),
      subject: `registration:${registration.id}`,
      recipient: {
        userId: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale as 'zh' | 'ru' | 'en',
        timeZone: registration.timeZone,
      },
      payload: {
        eventName: event.name,
        startsAt: event.startsAt.toISOString(),
        city: event.city ?? undefined,
        reason,
      } satisfies RegistrationMailPayload,
    });
  }
}
