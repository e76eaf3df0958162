import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuthUser, UserLookupService } from '@roundtable/auth';
import { Locale, newId } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { inTransaction, isDuplicateKey } from '@roundtable/database';
import {
  Event,
  EventAccessService,
  EventError,
  EventErrorCode,
  eventNames,
  SessionsService,
  SiteVisitSession,
} from '@roundtable/events';
import { OutboxMessage, OutboxService } from '@roundtable/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import { DelegateLookupService } from './delegate-lookup.service';
import { Company } from './entities/company.entity';
import { Registration } from './entities/registration.entity';
import { SiteVisitSignup } from './entities/site-visit-signup.entity';
import { RegistrationAccessService } from './registration-access.service';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationsService } from './registrations.service';
import {
  signupSubject,
  SITE_VISIT_PROMOTED,
  SITE_VISIT_REMINDER,
  SiteVisitMailPayload,
} from './templates/site-visit-templates';

/** A sign-up with its place: `waitlistPosition` is 1 for the first waiting, null unless waitlisted. */
export interface SignupView {
  signup: SiteVisitSignup;
  waitlistPosition: number | null;
}

/** A visit's seats as anyone may see them. */
export interface SiteVisitSeats {
  session: SiteVisitSession;
  confirmed: number;
  waitlisted: number;
  mine: SignupView | null;
}

/**
 * Told inside a sign-up's transaction, before the sign-up is written, with the
 * visit's time: a feature holding the delegate's time (meetings) refuses when
 * the delegate is busy then.
 */
export type SigningUpListener = (
  em: EntityManager,
  event: Event,
  registrationId: string,
  window: { start: Date; end: Date },
) => Promise<unknown>;

const LIVE = ['confirmed', 'waitlisted'] as const;

/**
 * Sign-ups to site visits (sessions of kind site_visit). Every change to one
 * visit's sign-ups runs with the delegate's registration row and then the
 * visit's session row locked (FOR UPDATE, in that order, the order a
 * withdrawal takes them), so concurrent sign-ups are counted one at a time:
 * exactly `capacity` are confirmed and the rest wait in the order they came.
 * A live sign-up (confirmed or waiting) keeps the visit's time free of
 * meetings, so a promotion never meets a clash.
 */
@Injectable()
export class SiteVisitsService implements OnModuleInit {
  private readonly baseUrl: string;
  private readonly signingUp: SigningUpListener[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventAccessService,
    private readonly sessions: SessionsService,
    private readonly access: RegistrationAccessService,
    private readonly registrations: RegistrationsService,
    private readonly outbox: OutboxService,
    private readonly users: UserLookupService,
    private readonly delegates: DelegateLookupService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  onModuleInit(): void {
    this.sessions.onSiteVisitChanged((em, event, before, after) => this.followChange(em, event, before, after));
    this.registrations.onRegistrationWithdrawn((em, event, registration) =>
      this.releaseWithdrawn(em, event, registration),
    );
  }

  onSigningUp(listener: SigningUpListener): void {
    this.signingUp.push(listener);
  }

  async signUp(eventId: string, sessionId: string, user: AuthUser): Promise<SignupView> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.events.getVisibleEvent(eventId, user, em);
      const own = await this.lockApprovedOwn(em, event, user);
      const visit = await this.sessions.lockSiteVisit(em, event.id, sessionId);
      assertOpen(event, visit);
      const live = await this.liveSignups(em, visit.id);
      const already = live.find((s) => s.registrationId === own.id);
      if (already) {
        throw new RegistrationError(RegistrationErrorCode.AlreadySignedUp, `You are already ${already.status}`, {
          status: already.status,
        });
      }
      await this.assertNoOtherVisitThen(em, event, own.id, visit);
      for (const listener of this.signingUp)
        await listener(em, event, own.id, { start: visit.startsAt, end: visit.endsAt });
      const confirmed = live.filter((s) => s.status === 'confirmed').length;
      const [{ next }] = await em.query<Array<{ next: number | string }>>(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM site_visit_signups WHERE session_id = ?',
        [visit.id],
      );
      const signup = em.getRepository(SiteVisitSignup).create({
        id: newId(),
        eventId: event.id,
        sessionId: visit.id,
        registrationId: own.id,
        status: confirmed < visit.capacity ? 'confirmed' : 'waitlisted',
        seq: Number(next),
        cancelledAt: null,
      });
      try {
        await em.getRepository(SiteVisitSignup).insert(signup);
      } catch (error) {
        if (isDuplicateKey(error, 'uq_site_visit_signups_active'))
          throw new RegistrationError(RegistrationErrorCode.AlreadySignedUp, 'You are already signed up');
        throw error;
      }
      if (signup.status === 'confirmed')
        await this.outbox.enqueue(em, ...(await this.reminders(em, event, visit, [signup])));
      const waiting = live.filter((s) => s.status === 'waitlisted').length;
      return { signup, waitlistPosition: signup.status === 'waitlisted' ? waiting + 1 : null };
    });
  }

  /** The caller cancels their own sign-up; a confirmed seat goes to the first waiting. */
  async cancel(eventId: string, sessionId: string, user: AuthUser): Promise<SignupView> {
    return inTransaction(this.dataSource, async (em) => {
      const event = await this.events.getVisibleEvent(eventId, user, em);
      const own = await this.access.findOwn(event.id, user.id, em);
      if (!own) throw notSignedUp();
      await this.access.lockStatuses(em, event.id, [own.id]);
      const visit = await this.sessions.lockSiteVisit(em, event.id, sessionId);
      const signup = (await this.liveSignups(em, visit.id)).find((s) => s.registrationId === own.id);
      if (!signup) throw notSignedUp();
      assertOpen(event, visit);
      await this.withdraw(em, event, visit, [signup]);
      return { signup, waitlistPosition: null };
    });
  }

  /** The visits of an event with their seats taken and waiting, and the caller's own sign-up when signed in. */
  async seats(eventId: string, user: AuthUser | undefined): Promise<{ visits: SiteVisitSeats[]; organiser: boolean }> {
    const em = this.dataSource.manager;
    const event = await this.events.getVisibleEvent(eventId, user, em);
    const organiser = user ? await this.events.isOrganiser(event.id, user, em) : false;
    const visits = await this.sessions.siteVisits(event.id, undefined, em);
    if (visits.length === 0) return { visits: [], organiser };
    const live = await em.getRepository(SiteVisitSignup).find({
      where: { sessionId: In(visits.map((v) => v.id)), status: In([...LIVE]) },
      order: { seq: 'ASC' },
    });
    const own = user ? await this.access.findOwn(event.id, user.id, em) : null;
    const seats = visits.map((session) => {
      const ofVisit = live.filter((s) => s.sessionId === session.id);
      const mine = own ? ofVisit.find((s) => s.registrationId === own.id) : undefined;
      return {
        session,
        confirmed: ofVisit.filter((s) => s.status === 'confirmed').length,
        waitlisted: ofVisit.filter((s) => s.status === 'waitlisted').length,
        mine: mine ? withPosition(mine, ofVisit) : null,
      };
    });
    return { visits: seats, organiser };
  }

  /** Organisers: every sign-up of a visit (cancelled ones too), in signing-up order, with the delegates. */
  async list(
    eventId: string,
    sessionId: string,
  ): Promise<{
    session: SiteVisitSession;
    rows: Array<SignupView & { registration: Registration; name: string; email: string; companyName: string | null }>;
  }> {
    const em = this.dataSource.manager;
    const [session] = await this.sessions.siteVisits(eventId, [sessionId], em);
    if (!session) {
      await this.sessions.view(eventId, sessionId); // SESSION_NOT_FOUND when there is no such session
      throw new EventError(EventErrorCode.NotASiteVisit, 'This session is not a site visit');
    }
    const signups = await em.getRepository(SiteVisitSignup).find({ where: { sessionId }, order: { seq: 'ASC' } });
    const registrations = signups.length
      ? await em.getRepository(Registration).findBy({ id: In(signups.map((s) => s.registrationId)) })
      : [];
    const contacts = await this.users.contacts(
      registrations.map((r) => r.userId),
      em,
    );
    const companyIds = registrations.flatMap((r) => (r.companyId ? [r.companyId] : []));
    const companies = companyIds.length ? await em.getRepository(Company).findBy({ id: In(companyIds) }) : [];
    const live = signups.filter((s) => s.status !== 'cancelled');
    return {
      session,
      rows: signups.flatMap((signup) => {
        const registration = registrations.find((r) => r.id === signup.registrationId);
        const contact = registration ? contacts.get(registration.userId) : undefined;
        if (!registration || !contact) return [];
        const companyName = companies.find((c) => c.id === registration.companyId)?.name ?? null;
        return [{ ...withPosition(signup, live), registration, name: contact.name, email: contact.email, companyName }];
      }),
    };
  }

  /** The caller's live sign-ups at every event, with their visits, in departure order. */
  async mine(user: AuthUser): Promise<Array<SignupView & { session: SiteVisitSession }>> {
    const own = await this.access.findAllOwn(user.id);
    if (own.length === 0) return [];
    const signups = await this.dataSource.getRepository(SiteVisitSignup).find({
      where: { registrationId: In(own.map((r) => r.id)), status: In([...LIVE]) },
    });
    if (signups.length === 0) return [];
    const visits = await this.sessions.siteVisitsById([...new Set(signups.map((s) => s.sessionId))]);
    const waiting = await this.dataSource.getRepository(SiteVisitSignup).find({
      select: { id: true, sessionId: true, seq: true, status: true },
      where: { sessionId: In(visits.map((v) => v.id)), status: 'waitlisted' },
    });
    return visits.flatMap((session) => {
      const signup = signups.find((s) => s.sessionId === session.id);
      if (!signup) return [];
      return [
        {
          ...withPosition(
            signup,
            waiting.filter((w) => w.sessionId === session.id),
          ),
          session,
        },
      ];
    });
  }

  private async lockApprovedOwn(em: EntityManager, event: Event, user: AuthUser): Promise<Registration> {
    const own = await this.access.requireApproved(event.id, user, em);
    const [locked] = await this.access.lockStatuses(em, event.id, [own.id]);
    if (locked?.status !== 'approved') await this.access.requireApproved(event.id, user, em);
    return own;
  }

  /** Live sign-ups of a visit in signing-up order; call with the visit's row locked. */
  private liveSignups(em: EntityManager, sessionId: string): Promise<SiteVisitSignup[]> {
    return em.getRepository(SiteVisitSignup).find({
      where: { sessionId, status: In([...LIVE]) },
      order: { seq: 'ASC' },
    });
  }

  private async assertNoOtherVisitThen(
    em: EntityManager,
    event: Event,
    registrationId: string,
    visit: SiteVisitSession,
  ) {
    const busy = (await this.delegates.busyWindows(event.id, [registrationId], em)).get(registrationId) ?? [];
    if (busy.some((w) => w.start < visit.endsAt && w.end > visit.startsAt)) {
      throw new RegistrationError(
        RegistrationErrorCode.SiteVisitClash,
        'You are signed up to another site visit at an overlapping time',
      );
    }
  }

  /** Cancels these live sign-ups of one visit (its row locked) and gives the freed seats to the first waiting. */
  private async withdraw(em: EntityManager, event: Event, visit: SiteVisitSession, signups: SiteVisitSignup[]) {
    if (signups.length === 0) return;
    const now = new Date();
    await em
      .getRepository(SiteVisitSignup)
      .update({ id: In(signups.map((s) => s.id)) }, { status: 'cancelled', cancelledAt: now });
    for (const s of signups) {
      await this.outbox.cancelSubject(em, signupSubject(s.id));
      Object.assign(s, { status: 'cancelled', cancelledAt: now });
    }
    await this.promote(em, event, visit);
  }

  /** Fills free seats from the waiting list in signing-up order; call with the visit's row locked. */
  private async promote(em: EntityManager, event: Event, visit: SiteVisitSession): Promise<void> {
    if (visit.departsAt.getTime() <= Date.now()) return;
    const live = await this.liveSignups(em, visit.id);
    const free = visit.capacity - live.filter((s) => s.status === 'confirmed').length;
    const promoted = live.filter((s) => s.status === 'waitlisted').slice(0, Math.max(0, free));
    if (promoted.length === 0) return;
    await em.getRepository(SiteVisitSignup).update({ id: In(promoted.map((s) => s.id)) }, { status: 'confirmed' });
    for (const s of promoted) s.status = 'confirmed';
    await this.outbox.enqueue(
      em,
      ...(await this.mails(em, event, visit, promoted, SITE_VISIT_PROMOTED)),
      ...(await this.reminders(em, event, visit, promoted)),
    );
  }

  /** The sessions lib announced an edit or removal of a site visit (its row locked). */
  private async followChange(
    em: EntityManager,
    event: Event,
    before: SiteVisitSession | null,
    after: SiteVisitSession | null,
  ): Promise<void> {
    const sessionId = (after ?? before)!.id;
    const live = await this.liveSignups(em, sessionId);
    if (!after) {
      // removed, or no longer a site visit: its sign-ups end with it
      const now = new Date();
      if (live.length > 0)
        await em
          .getRepository(SiteVisitSignup)
          .update({ id: In(live.map((s) => s.id)) }, { status: 'cancelled', cancelledAt: now });
      for (const s of live) await this.outbox.cancelSubject(em, signupSubject(s.id));
      return;
    }
    const confirmed = live.filter((s) => s.status === 'confirmed');
    if (after.capacity < confirmed.length) {
      throw new EventError(
        EventErrorCode.SiteVisitCapacityBelowSignUps,
        `${confirmed.length} delegates are confirmed; the capacity cannot be lower`,
        { field: 'capacity', confirmed: confirmed.length },
      );
    }
    if (before && (before.departsAt.getTime() !== after.departsAt.getTime() || before.sequence !== after.sequence)) {
      for (const s of confirmed) await this.outbox.cancelSubject(em, signupSubject(s.id), [SITE_VISIT_REMINDER]);
      await this.outbox.enqueue(em, ...(await this.reminders(em, event, after, confirmed)));
    }
    await this.promote(em, event, after);
  }

  /** A rejected or cancelled registration leaves its visits; the seats go to the waiting. */
  private async releaseWithdrawn(em: EntityManager, event: Event, registration: Registration): Promise<void> {
    const held = await em.getRepository(SiteVisitSignup).find({
      where: { registrationId: registration.id, status: In([...LIVE]) },
      order: { sessionId: 'ASC' },
    });
    for (const signup of held) {
      const visit = await this.sessions.lockSiteVisit(em, event.id, signup.sessionId);
      await this.withdraw(em, event, visit, [signup]);
    }
  }

  private async reminders(
    em: EntityManager,
    event: Event,
    visit: SiteVisitSession,
    signups: SiteVisitSignup[],
  ): Promise<OutboxMessage<SiteVisitMailPayload>[]> {
    const now = Date.now();
    const leads = event.sessionSettings.reminderLeadMinutes.filter(
      (lead) => visit.departsAt.getTime() - lead * 60_000 > now,
    );
    if (leads.length === 0) return [];
    const mails = await this.mails(em, event, visit, signups, SITE_VISIT_REMINDER);
    return mails.flatMap((mail) =>
      leads.map((lead) => ({
        ...mail,
        dedupeKey: `${mail.dedupeKey}:${visit.departsAt.getTime()}:${lead}`,
        dueAt: new Date(visit.departsAt.getTime() - lead * 60_000),
      })),
    );
  }

  private async mails(
    em: EntityManager,
    event: Event,
    visit: SiteVisitSession,
    signups: SiteVisitSignup[],
    type: string,
  ): Promise<OutboxMessage<SiteVisitMailPayload>[]> {
    if (signups.length === 0) return [];
    const registrations = await em.getRepository(Registration).findBy({ id: In(signups.map((s) => s.registrationId)) });
    const contacts = await this.users.contacts(
      registrations.map((r) => r.userId),
      em,
    );
    const texts = (key: 'title' | 'meetingPoint' | 'transport') =>
      Object.fromEntries(
        Object.entries(visit.translations).flatMap(([locale, t]) => (t?.[key] ? [[locale, t[key]]] : [])),
      ) as Partial<Record<Locale, string>>;
    return signups.flatMap((signup) => {
      const registration = registrations.find((r) => r.id === signup.registrationId);
      const contact = registration ? contacts.get(registration.userId) : undefined;
      if (!registration || !contact) return [];
      return [
        {
          type,
          dedupeKey: `${type}:${signup.id}`,
          eventId: event.id,
          eventTimeZone: event.timeZone,
          eventLocale: event.defaultLocale,
          eventNames: eventNames(event),
          subject: signupSubject(signup.id),
          recipient: {
            userId: contact.id,
            email: contact.email,
            name: contact.name,
            locale: contact.locale as Locale,
            timeZone: registration.timeZone ?? undefined,
          },
          payload: {
            eventName: event.name,
            title: visit.title,
            titles: texts('title'),
            meetingPoint: visit.meetingPoint,
            meetingPoints: texts('meetingPoint'),
            transport: visit.transport,
            transports: texts('transport'),
            departsAt: visit.departsAt.toISOString(),
            url: `${this.baseUrl}/app/events/${event.id}?visit=${visit.id}`,
          },
        },
      ];
    });
  }
}

function notSignedUp(): RegistrationError {
  return new RegistrationError(RegistrationErrorCode.SignUpNotFound, 'You are not signed up for this visit');
}

function assertOpen(event: Event, visit: SiteVisitSession): void {
  if (event.status !== 'published') {
    throw new RegistrationError(RegistrationErrorCode.SiteVisitClosed, `The event is ${event.status}`);
  }
  if (visit.departsAt.getTime() <= Date.now()) {
    throw new RegistrationError(RegistrationErrorCode.SiteVisitClosed, 'This visit has already departed');
  }
}

/** The sign-up with its place among the waiting (`others`: the visit's waiting or live sign-ups). */
function withPosition(signup: SiteVisitSignup, others: Pick<SiteVisitSignup, 'status' | 'seq'>[]): SignupView {
  if (signup.status !== 'waitlisted') return { signup, waitlistPosition: null };
  return {
    signup,
    waitlistPosition: others.filter((o) => o.status === 'waitlisted' && o.seq <= signup.seq).length,
  };
}
