import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, UserLookupService } from '@roundtable/auth';
import { CommonError, decodeCursor, newId, Page, toPage } from '@roundtable/common';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import { OutboxService } from '@roundtable/notifications';
import { DateTime } from 'luxon';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { AdminEventQueryDto } from './dto/admin-event.dto';
import { CreateEventDto, EventQueryDto, MeetingSettingsDto, UpdateEventDto } from './dto/event.dto';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event, EventStatus, MeetingSettings, ScheduleStatus } from './entities/event.entity';
import { Session } from './entities/session.entity';
import { EventAccessService } from './event-access.service';
import { PublicReadCache } from './public-read-cache';
import { EventError, EventErrorCode } from './event-error';

const DEFAULT_MEETING_SETTINGS: MeetingSettings = {
  slotMinutes: 30,
  tables: 20,
  windows: [],
  maxMeetingsPerDelegate: 12,
  maxPendingRequests: 20,
  requestExpiryHours: 72,
  reminderLeadMinutes: [1440, 30],
};

/** Which status changes are allowed, and what each action leads to. */
const TRANSITIONS: Record<'publish' | 'close' | 'cancel', { from: EventStatus[]; to: EventStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
};

/** Runs inside the transaction that raised an event's capacity (or lifted it), with the event row locked. */
export type CapacityRaisedListener = (em: EntityManager, event: Event) => Promise<unknown>;

/**
 * Runs inside the transaction that cancels an event, with the event row
 * locked and its status already `cancelled`: the libs owning the event's
 * people (registrations) tell them, in the same transaction.
 */
export type EventCancelledListener = (em: EntityManager, event: Event, reason: string | undefined) => Promise<unknown>;

@Injectable()
export class EventsService {
  private readonly capacityRaised: CapacityRaisedListener[] = [];
  private readonly cancelled: EventCancelledListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly access: EventAccessService,
    private readonly outbox: OutboxService,
    private readonly publicCache: PublicReadCache,
    private readonly users: UserLookupService,
  ) {}

  async create(dto: CreateEventDto, user: AuthUser): Promise<Event> {
    const event = this.events.create({
      id: newId(),
      slug: dto.slug,
      name: dto.name,
      theme: dto.theme ?? null,
      description: dto.description ?? null,
      translations: dto.translations ?? {},
      venue: dto.venue ?? null,
      city: dto.city ?? null,
      country: dto.country?.toUpperCase() ?? null,
      timeZone: dto.timeZone,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      status: 'draft',
      languages: dto.languages ?? ['en'],
      sectors: dto.sectors ?? [],
      registrationOpensAt: dto.registration?.opensAt ? new Date(dto.registration.opensAt) : null,
      registrationClosesAt: dto.registration?.closesAt ? new Date(dto.registration.closesAt) : null,
      capacity: dto.registration?.capacity ?? null,
      requiresApproval: dto.registration?.requiresApproval ?? true,
      meetingSettings: mergeMeetingSettings(DEFAULT_MEETING_SETTINGS, dto.meetingSettings),
      sessionSettings: { reminderLeadMinutes: dto.sessionSettings?.reminderLeadMinutes ?? [60] },
      publicAgreementsReport: dto.publicAgreementsReport ?? false,
      createdBy: user.id,
    });
    validateEvent(event);
    try {
      await inTransaction(this.dataSource, async (em) => {
        await em.getRepository(Event).insert(event);
        await em.getRepository(EventOrganiser).insert({ eventId: event.id, userId: user.id });
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_events_slug')) throw slugTaken(dto.slug);
      throw error;
    }
    return this.access.getEvent(event.id);
  }

  /** Published, closed and cancelled events for everyone; drafts only for their organisers. */
  async list(query: EventQueryDto, user: AuthUser | undefined): Promise<Page<Event>> {
    const after = decodeCursor(query.cursor, ['instant', 'id']);
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.startsAt', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit + 1);
    const organises = (alias: string) =>
      `EXISTS (SELECT 1 FROM event_organisers o WHERE o.event_id = ${alias}.id AND o.user_id = :userId)`;
    if (query.mine === 'true') {
      if (!user) return { items: [], nextCursor: null };
      qb.where(organises('e'), { userId: user.id });
    } else {
      qb.where(
        new Brackets((w) => {
          w.where("e.status <> 'draft'");
          if (user) w.orWhere(organises('e'), { userId: user.id });
        }),
      );
    }
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (after) {
      qb.andWhere('(e.startsAt > :at OR (e.startsAt = :at AND e.id > :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (e) => [e.startsAt.toISOString(), e.id],
      (e) => e,
    );
  }

  /** Every event, drafts included, newest first: what a platform admin reviews before trusting one. */
  async listForAdmin(query: AdminEventQueryDto): Promise<Page<Event>> {
    const after = decodeCursor(query.cursor, ['instant', 'id']);
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(query.limit + 1);
    if (query.trusted) qb.andWhere('e.trusted = :trusted', { trusted: query.trusted === 'true' });
    if (after) {
      qb.andWhere('(e.createdAt < :at OR (e.createdAt = :at AND e.id < :id))', {
        at: new Date(after[0]),
        id: String(after[1]),
      });
    }
    return toPage(
      await qb.getMany(),
      query.limit,
      (e) => [e.createdAt.toISOString(), e.id],
      (e) => e,
    );
  }

  /** A platform admin's mark: trusted events invite at the trusted quota. */
  async setTrusted(eventId: string, trusted: boolean): Promise<Event> {
    const event = await this.access.getEvent(eventId);
    await this.events.update({ id: event.id }, { trusted });
    return this.access.getEvent(event.id);
  }

  async update(eventId: string, dto: UpdateEventDto, user: AuthUser): Promise<Event> {
    await inTransaction(this.dataSource, async (em) => {
      const event = await this.lockOrganised(em, eventId, user);
      if (event.status === 'cancelled' || event.status === 'closed') {
        throw new EventError(EventErrorCode.EventNotEditable, `A ${event.status} event cannot be edited`);
      }
      const capacityBefore = event.capacity;
      applyUpdate(event, dto);
      validateEvent(event);
      if (dto.startsAt || dto.endsAt) await assertSessionsInside(em, event);
      try {
        await em.getRepository(Event).save(event);
      } catch (error) {
        if (isDuplicateKey(error, 'uq_events_slug')) throw slugTaken(event.slug);
        throw error;
      }
      const raised = capacityBefore !== null && (event.capacity === null || event.capacity > capacityBefore);
      if (raised) for (const listener of this.capacityRaised) await listener(em, event);
    });
    await this.publicCache.changed(eventId);
    return this.access.getEvent(eventId);
  }

  /** Lets registrations fill freed seats from the waiting list in the same transaction as the capacity change. */
  onCapacityRaised(listener: CapacityRaisedListener): void {
    this.capacityRaised.push(listener);
  }

  /** Lets the owners of an event's people tell them of its cancellation, in the cancelling transaction. */
  onCancelled(listener: EventCancelledListener): void {
    this.cancelled.push(listener);
  }

  /** Sets the meeting schedule's publication status (the meetings lib decides when; the row is the events lib's). */
  async setScheduleStatus(em: EntityManager, eventId: string, status: ScheduleStatus): Promise<void> {
    await em.getRepository(Event).update({ id: eventId }, { scheduleStatus: status });
  }

  async changeStatus(eventId: string, action: keyof typeof TRANSITIONS, user: AuthUser, reason?: string) {
    const rule = TRANSITIONS[action];
    await inTransaction(this.dataSource, async (em) => {
      const event = await this.lockOrganised(em, eventId, user);
      if (!rule.from.includes(event.status)) {
        throw new EventError(EventErrorCode.InvalidStatusChange, `Cannot ${action} an event that is ${event.status}`, {
          status: event.status,
          allowedFrom: rule.from,
        });
      }
      event.status = rule.to;
      await em.getRepository(Event).update({ id: event.id }, { status: rule.to });
      if (rule.to === 'cancelled') await this.cancel(em, event, reason);
    });
    await this.publicCache.changed(eventId);
    return this.access.getEvent(eventId);
  }

  async listOrganisers(eventId: string): Promise<{ userId: string; name: string; email: string }[]> {
    const team = await this.dataSource
      .getRepository(EventOrganiser)
      .find({ where: { eventId }, order: { createdAt: 'ASC', userId: 'ASC' } });
    const users = await this.users.contacts(team.map((o) => o.userId));
    return team.flatMap((o) => {
      const u = users.get(o.userId);
      return u ? [{ userId: u.id, name: u.name, email: u.email }] : [];
    });
  }

  async removeOrganiser(eventId: string, userId: string, user: AuthUser) {
    await inTransaction(this.dataSource, async (em) => {
      await this.lockOrganised(em, eventId, user);
      const team = await em.getRepository(EventOrganiser).findBy({ eventId });
      if (!team.some((o) => o.userId === userId)) throw CommonError.notFound('Organiser');
      if (team.length === 1) {
        throw new EventError(EventErrorCode.InvalidStatusChange, 'An event keeps at least one organiser');
      }
      await em.getRepository(EventOrganiser).delete({ eventId, userId });
    });
    return this.listOrganisers(eventId);
  }

  /** The event row, locked for the rest of the transaction, if the caller organises it. */
  async lockOrganised(em: EntityManager, eventId: string, user: AuthUser): Promise<Event> {
    await this.access.getOrganisedEvent(eventId, user, em);
    return this.access.lockEvent(em, eventId);
  }

  /** Tells the subscribers (registrations mails its people), then calls off the sessions' pending reminders. */
  private async cancel(em: EntityManager, event: Event, reason: string | undefined) {
    for (const listener of this.cancelled) await listener(em, event, reason);
    const sessions = await em.getRepository(Session).find({ where: { eventId: event.id }, select: { id: true } });
    for (const session of sessions) await this.outbox.cancelSubject(em, `session:${session.id}`);
  }
}

function slugTaken(slug: string): EventError {
  return new EventError(EventErrorCode.SlugTaken, `The slug "${slug}" is taken`);
}

function mergeMeetingSettings(base: MeetingSettings, dto: MeetingSettingsDto | undefined): MeetingSettings {
  return {
    slotMinutes: dto?.slotMinutes ?? base.slotMinutes,
    tables: dto?.tables ?? base.tables,
    windows: dto?.windows?.map((w) => ({ date: w.date, start: w.start, end: w.end })) ?? base.windows,
    maxMeetingsPerDelegate: dto?.maxMeetingsPerDelegate ?? base.maxMeetingsPerDelegate,
    maxPendingRequests: dto?.maxPendingRequests ?? base.maxPendingRequests,
    requestExpiryHours: dto?.requestExpiryHours ?? base.requestExpiryHours,
    reminderLeadMinutes: dto?.reminderLeadMinutes ?? base.reminderLeadMinutes,
  };
}

function applyUpdate(event: Event, dto: UpdateEventDto): void {
  if (dto.slug !== undefined) event.slug = dto.slug;
  if (dto.name !== undefined) event.name = dto.name;
  if (dto.theme !== undefined) event.theme = dto.theme;
  if (dto.description !== undefined) event.description = dto.description;
  if (dto.translations !== undefined) event.translations = dto.translations;
  if (dto.venue !== undefined) event.venue = dto.venue;
  if (dto.city !== undefined) event.city = dto.city;
  if (dto.country !== undefined) event.country = dto.country.toUpperCase();
  if (dto.timeZone !== undefined) event.timeZone = dto.timeZone;
  if (dto.startsAt !== undefined) event.startsAt = new Date(dto.startsAt);
  if (dto.endsAt !== undefined) event.endsAt = new Date(dto.endsAt);
  if (dto.languages !== undefined) event.languages = dto.languages;
  if (dto.sectors !== undefined) event.sectors = dto.sectors;
  if (dto.registration) {
    const r = dto.registration;
    if (r.opensAt !== undefined) event.registrationOpensAt = new Date(r.opensAt);
    if (r.closesAt !== undefined) event.registrationClosesAt = new Date(r.closesAt);
    if (r.capacity !== undefined) event.capacity = r.capacity;
    if (r.requiresApproval !== undefined) event.requiresApproval = r.requiresApproval;
  }
  if (dto.meetingSettings) event.meetingSettings = mergeMeetingSettings(event.meetingSettings, dto.meetingSettings);
  if (dto.sessionSettings?.reminderLeadMinutes)
    event.sessionSettings = { reminderLeadMinutes: dto.sessionSettings.reminderLeadMinutes };
  if (dto.publicAgreementsReport !== undefined) event.publicAgreementsReport = dto.publicAgreementsReport;
}

/** Rules that span fields: dates in order, registration window sane, meeting windows inside the event. */
function validateEvent(event: Event): void {
  const bad = (message: string, field: string) => new EventError(EventErrorCode.InvalidEventDates, message, { field });
  if (event.endsAt.getTime() <= event.startsAt.getTime()) throw bad('endsAt must be after startsAt', 'endsAt');
  if (event.endsAt.getTime() - event.startsAt.getTime() > 31 * 86_400_000) {
    throw bad('An event lasts at most 31 days', 'endsAt');
  }
  if (
    event.registrationOpensAt &&
    event.registrationClosesAt &&
    event.registrationClosesAt.getTime() <= event.registrationOpensAt.getTime()
  ) {
    throw bad('registration.closesAt must be after registration.opensAt', 'registration.closesAt');
  }
  const first = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone }).toISODate()!;
  const last = DateTime.fromJSDate(event.endsAt, { zone: event.timeZone }).toISODate()!;
  for (const [i, w] of event.meetingSettings.windows.entries()) {
    const start = DateTime.fromISO(`${w.date}T${w.start}`, { zone: event.timeZone });
    const end = DateTime.fromISO(`${w.date}T${w.end === '24:00' ? '23:59' : w.end}`, { zone: event.timeZone });
    if (!start.isValid || !end.isValid)
      throw bad(`meetingSettings.windows[${i}] is not a real date and time`, `meetingSettings.windows.${i}`);
    if (end <= start)
      throw bad(`meetingSettings.windows[${i}]: end must be after start`, `meetingSettings.windows.${i}`);
    if (w.date < first || w.date > last) {
      throw bad(
        `meetingSettings.windows[${i}] (${w.date}) is outside the event (${first} to ${last})`,
        `meetingSettings.windows.${i}`,
      );
    }
  }
}

async function assertSessionsInside(em: EntityManager, event: Event): Promise<void> {
  const outside = await em
    .getRepository(Session)
    .createQueryBuilder('s')
    .where('s.eventId = :id', { id: event.id })
    .andWhere('(s.startsAt < :start OR s.endsAt > :end)', { start: event.startsAt, end: event.endsAt })
    .getOne();
  if (outside) {
    throw new EventError(
      EventErrorCode.SessionOutsideEvent,
      `Session "${outside.title}" would fall outside the new dates`,
      {
        sessionId: outside.id,
      },
    );
  }
}
