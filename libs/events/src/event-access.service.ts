import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthUser, isAdmin } from '@roundtable/auth';
import { CommonError, ID_PATTERN } from '@roundtable/common';
import { entityRows } from '@roundtable/database';
import { EntityManager, In, Repository } from 'typeorm';
import { EventOrganiser } from './entities/event-organiser.entity';
import { Event } from './entities/event.entity';
import { EventError, EventErrorCode } from './event-error';

/** What a list of things across events shows of each one's event. */
export interface EventSummary {
  id: string;
  name: string;
  timeZone: string;
}

/** The columns `EventAccessService.summaryJoin` adds to a row, read back by `summaryOfRow`. */
export interface EventSummaryRow {
  event_name: string;
  event_time_zone: string;
}

/**
 * Who may see and run an event. Every feature asks here rather than querying
 * the organiser table itself, so "draft events are invisible to anyone but
 * their organisers" is decided in one place.
 */
@Injectable()
export class EventAccessService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(EventOrganiser) private readonly organisers: Repository<EventOrganiser>,
  ) {}

  /** The event, or EVENT_NOT_FOUND (also for ids that are not ids at all). */
  async getEvent(eventId: string, em?: EntityManager): Promise<Event> {
    const event = ID_PATTERN.test(eventId)
      ? await (em ? em.getRepository(Event) : this.events).findOneBy({ id: eventId })
      : null;
    if (!event) throw new EventError(EventErrorCode.EventNotFound, 'Event not found');
    return event;
  }

  /**
   * The event row locked for the rest of the caller's transaction. Uses only
   * the transaction's connection: reading through the pool while holding one
   * deadlocks the pool under load.
   */
  async lockEvent(em: EntityManager, eventId: string): Promise<Event> {
    const event = ID_PATTERN.test(eventId) ? await lockedEventRow(em, eventId, 'FOR UPDATE') : null;
    if (!event) throw new EventError(EventErrorCode.EventNotFound, 'Event not found');
    return event;
  }

  /**
   * The event row share-locked for the rest of the caller's transaction: a
   * change confined to a few delegates and one slot (a meeting request, a
   * booking) takes this, so such changes run side by side, while a change
   * that reads the whole event (lockEvent) waits for them and they for it.
   */
  async shareLockEvent(em: EntityManager, eventId: string): Promise<Event> {
    const event = ID_PATTERN.test(eventId) ? await lockedEventRow(em, eventId, 'LOCK IN SHARE MODE') : null;
    if (!event) throw new EventError(EventErrorCode.EventNotFound, 'Event not found');
    return event;
  }

  /** The event visible to the caller, its row locked (FOR UPDATE, or shared) for the rest of the transaction: one read, under the lock. */
  async lockVisibleEvent(
    em: EntityManager,
    eventId: string,
    user: AuthUser,
    mode: 'update' | 'share' = 'update',
  ): Promise<Event> {
    const event = mode === 'update' ? await this.lockEvent(em, eventId) : await this.shareLockEvent(em, eventId);
    if (event.status === 'draft' && !(await this.isOrganiser(event.id, user, em))) {
      throw new EventError(EventErrorCode.EventNotFound, 'Event not found');
    }
    return event;
  }

  /**
   * SQL for another lib's own query, as UserLookupService.contactJoin: joins
   * the event whose id is `eventIdColumn` (alias summary_event), adding the
   * columns of EventSummaryRow. A row without its event is left out.
   */
  summaryJoin(eventIdColumn: string): { columns: string; join: string } {
    return {
      columns: 'summary_event.name AS event_name, summary_event.time_zone AS event_time_zone',
      join: `JOIN events summary_event ON summary_event.id = ${eventIdColumn}`,
    };
  }

  /** The event in a row read with `summaryJoin`. */
  summaryOfRow(row: EventSummaryRow, eventId: string): EventSummary {
    return { id: eventId, name: row.event_name, timeZone: row.event_time_zone };
  }

  /** The events with these ids (those that exist). */
  findEvents(ids: string[]): Promise<Event[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.events.findBy({ id: In(ids) });
  }

  /** The user ids of the event's organisers (whom alerts about the event go to). */
  async organiserIds(eventId: string, em?: EntityManager): Promise<string[]> {
    const rows = await (em ? em.getRepository(EventOrganiser) : this.organisers).findBy({ eventId });
    return rows.map((r) => r.userId);
  }

  async isOrganiser(eventId: string, user: AuthUser | undefined, em?: EntityManager): Promise<boolean> {
    if (!user) return false;
    if (isAdmin(user)) return true;
    return (em ? em.getRepository(EventOrganiser) : this.organisers).existsBy({ eventId, userId: user.id });
  }

  /** The event if the caller may see it: published, closed or cancelled for anyone; drafts for organisers only. */
  async getVisibleEvent(eventId: string, user: AuthUser | undefined, em?: EntityManager): Promise<Event> {
    const event = await this.getEvent(eventId, em);
    if (event.status === 'draft' && !(await this.isOrganiser(event.id, user, em))) {
      throw new EventError(EventErrorCode.EventNotFound, 'Event not found');
    }
    return event;
  }

  /** The event if the caller organises it; a non-organiser learns nothing about drafts (404) and is refused otherwise (403). */
  async getOrganisedEvent(eventId: string, user: AuthUser, em?: EntityManager): Promise<Event> {
    const event = await this.getVisibleEvent(eventId, user, em);
    if (!(await this.isOrganiser(event.id, user, em)))
      throw CommonError.forbidden('Only organisers of this event may do this');
    return event;
  }
}

/**
 * The event row under a lock, in one plain statement: every booking, request and registration starts with it,
 * and TypeORM's findOne built its query builder each time.
 */
async function lockedEventRow(
  em: EntityManager,
  eventId: string,
  lock: 'FOR UPDATE' | 'LOCK IN SHARE MODE',
): Promise<Event | null> {
  const rows = entityRows(em, Event);
  const [row] = await em.query<Record<string, unknown>[]>(`SELECT ${rows.columns} FROM events WHERE id = ? ${lock}`, [
    eventId,
  ]);
  return row ? rows.hydrate(row) : null;
}
