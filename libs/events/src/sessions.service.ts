import { Injectable } from '@nestjs/common';
import { assertEmailVerified, AuthUser } from '@roundtable/auth';
import { CommonError, ID_PATTERN, newId } from '@roundtable/common';
import { inTransaction, isDuplicateKey, ReadReplicas } from '@roundtable/database';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CreateRoomDto,
  CreateSessionDto,
  SpeakerInputDto,
  SpeakerProfileDto,
  UpdateSessionDto,
} from './dto/session.dto';
import { Event } from './entities/event.entity';
import { Room } from './entities/room.entity';
import { SessionSpeaker } from './entities/session-speaker.entity';
import { Session } from './entities/session.entity';
import { EventAccessService } from './event-access.service';
import { EventError, EventErrorCode } from './event-error';
import { EventsService } from './events.service';
import { PublicReadCache } from './public-read-cache';
import { SessionMailService } from './session-mail.service';

/**
 * Told inside the transaction that edits or removes a site visit (or turns a
 * session into one or out of one), with the event and the session rows locked:
 * `before` is null for a new session, `after` null for a removed one or one
 * that is no longer a site visit. The owner of the sign-ups (registrations)
 * checks and follows the change: capacity raised promotes the waiting list,
 * a move re-times the reminders, a removal cancels the sign-ups.
 */
export type SiteVisitChangedListener = (
  em: EntityManager,
  event: Event,
  before: SiteVisitSession | null,
  after: SiteVisitSession | null,
) => Promise<unknown>;

/** A session of kind site_visit, with the details every site visit has. */
export type SiteVisitSession = Session & {
  kind: 'site_visit';
  capacity: number;
  meetingPoint: string;
  departsAt: Date;
};

export function isSiteVisit(session: Session): session is SiteVisitSession {
  return (
    session.kind === 'site_visit' &&
    session.capacity !== null &&
    session.meetingPoint !== null &&
    session.departsAt !== null
  );
}

export interface SessionView {
  session: Session;
  room: Room | null;
  speakers: SessionSpeaker[];
}

/**
 * Rooms, sessions and their speakers. Every write locks the event row first,
 * so two organisers placing sessions at once cannot both pass the clash check.
 * What the speakers are told (invitations, reminders, changes) is
 * SessionMailService's, called in the same transaction.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly events: EventsService,
    private readonly publicCache: PublicReadCache,
    private readonly replicas: ReadReplicas,
    private readonly mail: SessionMailService,
  ) {}

  private readonly siteVisitChanged: SiteVisitChangedListener[] = [];

  onSiteVisitChanged(listener: SiteVisitChangedListener): void {
    this.siteVisitChanged.push(listener);
  }

  private async announceSiteVisit(em: EntityManager, event: Event, before: Session | null, after: Session | null) {
    const b = before && isSiteVisit(before) ? before : null;
    const a = after && isSiteVisit(after) ? after : null;
    if (!b && !a) return;
    for (const listener of this.siteVisitChanged) await listener(em, event, b, a);
  }

  /** One write's transaction; after its commit the event's public reads (agenda, sessions) refill. */
  private async write<T>(eventId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.dataSource, work);
    await this.publicCache.changed(eventId);
    return result;
  }

  async createRoom(eventId: string, dto: CreateRoomDto, user: AuthUser): Promise<Room> {
    return this.write(eventId, async (em) => {
      await this.events.lockOrganised(em, eventId, user);
      const room = em.getRepository(Room).create({
        id: newId(),
        eventId,
        name: dto.name,
        capacity: dto.capacity ?? null,
        notes: dto.notes ?? null,
      });
      try {
        await em.getRepository(Room).insert(room);
      } catch (error) {
        if (isDuplicateKey(error, 'uq_rooms_event_name')) {
          throw new EventError(EventErrorCode.RoomClash, `A room named "${dto.name}" already exists`);
        }
        throw error;
      }
      return room;
    });
  }

  async listRooms(eventId: string, user: AuthUser | undefined): Promise<Room[]> {
    await this.access.getVisibleEvent(eventId, user);
    return this.dataSource.getRepository(Room).find({ where: { eventId }, order: { name: 'ASC' } });
  }

  async create(eventId: string, dto: CreateSessionDto, user: AuthUser): Promise<SessionView> {
    const id = await this.write(eventId, async (em) => {
      const event = await this.events.lockOrganised(em, eventId, user);
      const session = em.getRepository(Session).create({
        id: newId(),
        eventId,
        roomId: dto.roomId ?? null,
        kind: dto.kind,
        title: dto.title,
        description: dto.description ?? null,
        translations: dto.translations ?? {},
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        languages: dto.languages ?? event.languages,
        interpretation: dto.interpretation ?? [],
        abstract: null,
        materials: [],
        sequence: 0,
        ...siteVisitFields(dto),
      });
      assertSiteVisit(session);
      const speakers = uniqueSpeakers(dto.speakers ?? []);
      await this.assertPlaceable(
        em,
        event,
        session,
        speakers.map((s) => s.email),
      );
      await em.getRepository(Session).insert(session);
      const rows = speakers.map((s) => this.speakerRow(session, s));
      if (rows.length > 0) await em.getRepository(SessionSpeaker).insert(rows);
      await this.mail.added(em, event, session, rows);
      return session.id;
    });
    return this.view(eventId, id);
  }

  async update(eventId: string, sessionId: string, dto: UpdateSessionDto, user: AuthUser): Promise<SessionView> {
    await this.write(eventId, async (em) => {
      const event = await this.events.lockOrganised(em, eventId, user);
      const session = await this.getSession(em, eventId, sessionId, true);
      const previous = em.getRepository(Session).create({ ...session });
      const before = { start: session.startsAt.getTime(), end: session.endsAt.getTime(), room: session.roomId };
      if (dto.kind !== undefined) session.kind = dto.kind;
      if (dto.title !== undefined) session.title = dto.title;
      if (dto.description !== undefined) session.description = dto.description;
      if (dto.translations !== undefined) session.translations = dto.translations;
      if (dto.startsAt !== undefined) session.startsAt = new Date(dto.startsAt);
      if (dto.endsAt !== undefined) session.endsAt = new Date(dto.endsAt);
      if (dto.roomId !== undefined) session.roomId = dto.roomId;
      if (dto.languages !== undefined) session.languages = dto.languages;
      if (dto.interpretation !== undefined) session.interpretation = dto.interpretation;
      Object.assign(session, siteVisitFields(dto));
      if (session.kind !== 'site_visit' && previous.kind === 'site_visit' && !hasSiteVisitFields(dto)) {
        // no longer a site visit: its tour details go with it
        Object.assign(session, { capacity: null, meetingPoint: null, departsAt: null, transport: null });
      }
      assertSiteVisit(session);
      const speakers = await em.getRepository(SessionSpeaker).findBy({ sessionId });
      await this.assertPlaceable(
        em,
        event,
        session,
        speakers.map((s) => s.email),
      );
      const moved =
        before.start !== session.startsAt.getTime() ||
        before.end !== session.endsAt.getTime() ||
        before.room !== session.roomId;
      if (moved) session.sequence += 1;
      await em.getRepository(Session).save(session);
      await this.announceSiteVisit(em, event, previous, session);
      if (moved) {
        await this.mail.moved(em, event, session, speakers);
      }
    });
    return this.view(eventId, sessionId);
  }

  async remove(eventId: string, sessionId: string, user: AuthUser): Promise<void> {
    await this.write(eventId, async (em) => {
      const event = await this.events.lockOrganised(em, eventId, user);
      const session = await this.getSession(em, eventId, sessionId, true);
      const speakers = await em.getRepository(SessionSpeaker).findBy({ sessionId });
      await this.announceSiteVisit(em, event, session, null);
      session.sequence += 1;
      await this.mail.removed(em, event, session, speakers);
      await em.getRepository(Session).delete({ id: sessionId });
    });
  }

  async addSpeaker(eventId: string, sessionId: string, dto: SpeakerInputDto, user: AuthUser): Promise<SessionView> {
    await this.write(eventId, async (em) => {
      const event = await this.events.lockOrganised(em, eventId, user);
      const session = await this.getSession(em, eventId, sessionId);
      await this.assertSpeakersFree(em, session, [dto.email]);
      const row = this.speakerRow(session, dto);
      try {
        await em.getRepository(SessionSpeaker).insert(row);
      } catch (error) {
        if (isDuplicateKey(error, 'uq_session_speakers_session_email')) {
          throw new EventError(EventErrorCode.SpeakerClash, `${dto.email} already speaks at this session`);
        }
        throw error;
      }
      await this.mail.added(em, event, session, [row]);
    });
    return this.view(eventId, sessionId);
  }

  /** A speaker edits the abstract, their own bio and the materials: nothing else. */
  async updateSpeakerProfile(eventId: string, sessionId: string, dto: SpeakerProfileDto, user: AuthUser) {
    await this.write(eventId, async (em) => {
      const session = await this.getSession(em, eventId, sessionId);
      const me = await em.getRepository(SessionSpeaker).findOneBy({ sessionId, email: user.email });
      if (!me) throw CommonError.forbidden('Only speakers of this session may edit its profile');
      assertEmailVerified(user, 'act as a speaker');
      if (dto.abstract !== undefined) session.abstract = dto.abstract;
      if (dto.materials !== undefined) session.materials = dto.materials;
      await em
        .getRepository(Session)
        .update({ id: session.id }, { abstract: session.abstract, materials: session.materials });
      if (dto.bio !== undefined) await em.getRepository(SessionSpeaker).update({ id: me.id }, { bio: dto.bio });
    });
    return this.view(eventId, sessionId);
  }

  async isSpeaker(eventId: string, sessionId: string, user: AuthUser): Promise<boolean> {
    if (!ID_PATTERN.test(sessionId)) return false;
    const listed = await this.dataSource
      .getRepository(SessionSpeaker)
      .existsBy({ eventId, sessionId, email: user.email });
    // a speaker is named by address: only its confirmed owner takes the role
    if (listed) assertEmailVerified(user, 'act as a speaker');
    return listed;
  }

  /** Public: read from a replica unless the reader or the event changed something moments ago. */
  async list(eventId: string, user: AuthUser | undefined): Promise<SessionView[]> {
    return this.replicas.read({ userId: user?.id, eventId }, async (em) =>
      this.ofEvent(await this.access.getVisibleEvent(eventId, user, em), em),
    );
  }

  /** The sessions of an event the caller has already been allowed to see, in programme order. */
  async ofEvent(event: Event, em: EntityManager = this.dataSource.manager): Promise<SessionView[]> {
    return this.views(
      await em.getRepository(Session).find({ where: { eventId: event.id }, order: { startsAt: 'ASC', id: 'ASC' } }),
      em,
    );
  }

  async view(eventId: string, sessionId: string): Promise<SessionView> {
    const [view] = await this.views([await this.getSession(this.dataSource.manager, eventId, sessionId)]);
    return view;
  }

  /** The caller's sessions as speaker or moderator, across events that are not drafts (or that they organise). */
  async mine(user: AuthUser): Promise<(SessionView & { event: Event; myRole: 'speaker' | 'moderator' })[]> {
    if (!user.emailVerified) return [];
    const mine = await this.dataSource.getRepository(SessionSpeaker).findBy({ email: user.email });
    if (mine.length === 0) return [];
    const sessions = await this.dataSource
      .getRepository(Session)
      .find({ where: { id: In(mine.map((m) => m.sessionId)) }, order: { startsAt: 'ASC' } });
    const events = await this.dataSource
      .getRepository(Event)
      .findBy({ id: In([...new Set(sessions.map((s) => s.eventId))]) });
    const views = await this.views(sessions);
    return views.map((v) => ({
      ...v,
      event: events.find((e) => e.id === v.session.eventId)!,
      myRole: mine.find((m) => m.sessionId === v.session.id)!.role,
    }));
  }

  async views(sessions: Session[], em: EntityManager = this.dataSource.manager): Promise<SessionView[]> {
    if (sessions.length === 0) return [];
    const roomIds = [...new Set(sessions.map((s) => s.roomId).filter((id): id is string => id !== null))];
    const rooms = roomIds.length > 0 ? await em.getRepository(Room).findBy({ id: In(roomIds) }) : [];
    const speakers = await em
      .getRepository(SessionSpeaker)
      .find({ where: { sessionId: In(sessions.map((s) => s.id)) }, order: { role: 'DESC', createdAt: 'ASC' } });
    return sessions.map((session) => ({
      session,
      room: rooms.find((r) => r.id === session.roomId) ?? null,
      speakers: speakers.filter((s) => s.sessionId === session.id),
    }));
  }

  /** Whether the session is one of the event's (what another lib checks before referring to it). */
  async belongsToEvent(em: EntityManager, eventId: string, sessionId: string): Promise<boolean> {
    return ID_PATTERN.test(sessionId) && (await em.getRepository(Session).existsBy({ id: sessionId, eventId }));
  }

  /**
   * Locks a site visit's row (FOR UPDATE) in the caller's transaction and
   * returns its times and capacity: sign-ups to one visit run one at a time
   * behind this lock, so they never count the same free seat twice.
   */
  async lockSiteVisit(em: EntityManager, eventId: string, sessionId: string): Promise<SiteVisitSession> {
    const session = await this.getSession(em, eventId, sessionId, true);
    if (!isSiteVisit(session)) throw new EventError(EventErrorCode.NotASiteVisit, 'This session is not a site visit');
    return session;
  }

  /** The event's site visits (all, or those of these ids), in time order. */
  async siteVisits(
    eventId: string,
    sessionIds?: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<SiteVisitSession[]> {
    if (sessionIds?.length === 0) return [];
    const sessions = await em.getRepository(Session).find({
      where: { eventId, kind: 'site_visit', ...(sessionIds ? { id: In(sessionIds) } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
    return sessions.filter(isSiteVisit);
  }

  /** Site visits by id across events (what a delegate's own list shows). */
  async siteVisitsById(sessionIds: string[], em: EntityManager = this.dataSource.manager): Promise<SiteVisitSession[]> {
    if (sessionIds.length === 0) return [];
    const sessions = await em
      .getRepository(Session)
      .find({ where: { id: In(sessionIds) }, order: { startsAt: 'ASC' } });
    return sessions.filter(isSiteVisit);
  }

  private async getSession(em: EntityManager, eventId: string, sessionId: string, lock = false): Promise<Session> {
    const session = ID_PATTERN.test(sessionId)
      ? await em
          .getRepository(Session)
          .findOne({ where: { id: sessionId, eventId }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) })
      : null;
    if (!session) throw new EventError(EventErrorCode.SessionNotFound, 'Session not found');
    return session;
  }

  /** Inside the event, end after start, an existing room of the event, no room or speaker double-booked. */
  private async assertPlaceable(em: EntityManager, event: Event, session: Session, speakerEmails: string[]) {
    if (session.endsAt.getTime() <= session.startsAt.getTime()) {
      throw new EventError(EventErrorCode.InvalidEventDates, 'endsAt must be after startsAt', { field: 'endsAt' });
    }
    if (session.startsAt < event.startsAt || session.endsAt > event.endsAt) {
      throw new EventError(EventErrorCode.SessionOutsideEvent, 'The session must fall within the event', {
        eventStartsAt: event.startsAt.toISOString(),
        eventEndsAt: event.endsAt.toISOString(),
      });
    }
    if (session.roomId) {
      const room = await em.getRepository(Room).findOneBy({ id: session.roomId, eventId: event.id });
      if (!room) throw new EventError(EventErrorCode.RoomNotFound, 'Room not found in this event');
      const clash = await overlapping(em, session).andWhere('s.roomId = :roomId', { roomId: session.roomId }).getOne();
      if (clash) {
        throw new EventError(EventErrorCode.RoomClash, `${room.name} is taken by "${clash.title}" at that time`, {
          sessionId: clash.id,
          title: clash.title,
        });
      }
    }
    await this.assertSpeakersFree(em, session, speakerEmails);
  }

  private async assertSpeakersFree(em: EntityManager, session: Session, emails: string[]) {
    if (emails.length === 0) return;
    const clash = await overlapping(em, session)
      .innerJoin(SessionSpeaker, 'sp', 'sp.sessionId = s.id')
      .andWhere('sp.email IN (:...emails)', { emails })
      .addSelect('sp.email', 'speakerEmail')
      .getRawAndEntities();
    if (clash.entities.length > 0) {
      const other = clash.entities[0];
      const who = (clash.raw[0] as { speakerEmail: string }).speakerEmail;
      throw new EventError(EventErrorCode.SpeakerClash, `${who} already speaks at "${other.title}" at that time`, {
        sessionId: other.id,
        title: other.title,
        email: who,
      });
    }
  }

  private speakerRow(session: Session, input: SpeakerInputDto): SessionSpeaker {
    return this.dataSource.getRepository(SessionSpeaker).create({
      id: newId(),
      sessionId: session.id,
      eventId: session.eventId,
      email: input.email,
      name: input.name,
      role: input.role,
      company: input.company ?? null,
      bio: null,
      locale: input.locale ?? null,
    });
  }
}

function overlapping(em: EntityManager, session: Session) {
  return em
    .getRepository(Session)
    .createQueryBuilder('s')
    .where('s.eventId = :eventId', { eventId: session.eventId })
    .andWhere('s.id <> :id', { id: session.id })
    .andWhere('s.startsAt < :end AND s.endsAt > :start', { start: session.startsAt, end: session.endsAt });
}

const SITE_VISIT_FIELDS = ['capacity', 'meetingPoint', 'departsAt', 'transport'] as const;

function hasSiteVisitFields(dto: Partial<CreateSessionDto>): boolean {
  return SITE_VISIT_FIELDS.some((f) => dto[f] !== undefined);
}

/** The site-visit columns the request sets (only those it names). */
function siteVisitFields(dto: Partial<CreateSessionDto>): Partial<Session> {
  const out: Partial<Session> = {};
  if (dto.capacity !== undefined) out.capacity = dto.capacity;
  if (dto.meetingPoint !== undefined) out.meetingPoint = dto.meetingPoint;
  if (dto.departsAt !== undefined) out.departsAt = new Date(dto.departsAt);
  if (dto.transport !== undefined) out.transport = dto.transport;
  return out;
}

/** A site visit has its capacity, meeting point and departure (within the session); no other kind has any of it. */
function assertSiteVisit(session: Session): void {
  if (session.kind !== 'site_visit') {
    const given = SITE_VISIT_FIELDS.find((f) => session[f] !== null && session[f] !== undefined);
    if (given) {
      throw new EventError(EventErrorCode.NotASiteVisit, `${given} is only for sessions of kind site_visit`, {
        field: given,
      });
    }
    return;
  }
  for (const field of ['capacity', 'meetingPoint', 'departsAt'] as const) {
    if (session[field] === null || session[field] === undefined) {
      throw new EventError(EventErrorCode.SiteVisitDetailsRequired, `A site visit needs ${field}`, { field });
    }
  }
  session.transport ??= null;
  const departs = session.departsAt!.getTime();
  if (departs < session.startsAt.getTime() || departs >= session.endsAt.getTime()) {
    throw new EventError(
      EventErrorCode.DepartureOutsideSession,
      'departsAt must be at or after the session starts and before it ends (the session spans gathering to return)',
      { field: 'departsAt' },
    );
  }
}

function uniqueSpeakers(speakers: SpeakerInputDto[]): SpeakerInputDto[] {
  const seen = new Set<string>();
  return speakers.filter((s) => !seen.has(s.email) && seen.add(s.email));
}
