import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { UserContact, UserLookupService } from '@roundtable/auth';
import { AppConfig } from '@roundtable/config';
import { calendarUid, CalendarEntry, OutboxMessage, OutboxService } from '@roundtable/notifications';
import { EntityManager } from 'typeorm';
import { Event } from './entities/event.entity';
import { Room } from './entities/room.entity';
import { SessionSpeaker } from './entities/session-speaker.entity';
import { Session } from './entities/session.entity';
import { eventNames } from './event-names';
import { SessionChangedPayload, SessionNoticePayload, SpeakerInvitationPayload } from './templates/event-templates';

const REMINDER = 'session-reminder';
const subjectOf = (session: Session) => `session:${session.id}`;

/**
 * What a session's speakers are told, written to the outbox in the caller's
 * transaction: an invitation to sign up for those without an account,
 * reminders due before the start, a calendar update when it moves or goes.
 * Speakers are matched to accounts by address through the auth lib.
 */
@Injectable()
export class SessionMailService {
  private readonly baseUrl: string;

  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UserLookupService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.baseUrl = config.get('app.publicUrl', { infer: true });
  }

  /** Speakers added to a session (with it, or later): invitations and reminders. */
  async added(em: EntityManager, event: Event, session: Session, speakers: SessionSpeaker[]): Promise<void> {
    await this.inviteWithoutAccounts(em, event, session, speakers);
    await this.enqueueReminders(em, event, session, speakers);
  }

  /** The session moved (time or room): reminders anew, and the calendar entry updated. */
  async moved(em: EntityManager, event: Event, session: Session, speakers: SessionSpeaker[]): Promise<void> {
    await this.outbox.cancelSubject(em, subjectOf(session), [REMINDER]);
    await this.enqueueReminders(em, event, session, speakers);
    await this.notifyChange(em, event, session, speakers, false);
  }

  /** The session is removed: nothing pending about it is sent, and the calendar entry is cancelled. */
  async removed(em: EntityManager, event: Event, session: Session, speakers: SessionSpeaker[]): Promise<void> {
    await this.outbox.cancelSubject(em, subjectOf(session));
    await this.notifyChange(em, event, session, speakers, true);
  }

  private async recipients(em: EntityManager, speakers: SessionSpeaker[]) {
    const users = await this.users.byEmails(
      speakers.map((s) => s.email),
      em,
    );
    return speakers.map((speaker) => ({ speaker, user: users.find((u) => u.email === speaker.email) ?? null }));
  }

  private async inviteWithoutAccounts(em: EntityManager, event: Event, session: Session, speakers: SessionSpeaker[]) {
    const invites = (await this.recipients(em, speakers)).filter((r) => !r.user);
    await this.outbox.enqueue(
      em,
      ...invites.map(({ speaker }) =>
        this.message<SpeakerInvitationPayload>(event, speaker, null, {
          type: 'speaker-invitation',
          dedupeKey: `speaker-invitation:${session.id}:${speaker.email}`,
          payload: {
            eventName: event.name,
            sessionTitle: session.title,
            startsAt: session.startsAt.toISOString(),
            role: speaker.role,
            signupUrl: `${this.baseUrl}/app/signup?redirect=%2Fspeaker`,
          },
        }),
      ),
    );
  }

  private async enqueueReminders(em: EntityManager, event: Event, session: Session, speakers: SessionSpeaker[]) {
    const room = session.roomId ? await em.getRepository(Room).findOneBy({ id: session.roomId }) : null;
    const now = Date.now();
    const messages: OutboxMessage<object>[] = [];
    for (const { speaker, user } of await this.recipients(em, speakers)) {
      for (const lead of event.sessionSettings.reminderLeadMinutes) {
        const dueAt = new Date(session.startsAt.getTime() - lead * 60_000);
        if (dueAt.getTime() <= now) continue;
        messages.push(
          this.message<SessionNoticePayload>(event, speaker, user, {
            type: REMINDER,
            dedupeKey: `session-reminder:${session.id}:${session.sequence}:${speaker.email}:${lead}`,
            subject: subjectOf(session),
            dueAt,
            payload: {
              eventName: event.name,
              sessionTitle: session.title,
              startsAt: session.startsAt.toISOString(),
              room: room?.name,
              role: speaker.role,
            },
          }),
        );
      }
    }
    await this.outbox.enqueue(em, ...messages);
  }

  private async notifyChange(
    em: EntityManager,
    event: Event,
    session: Session,
    speakers: SessionSpeaker[],
    cancelled: boolean,
  ) {
    const room = session.roomId ? await em.getRepository(Room).findOneBy({ id: session.roomId }) : null;
    const calendar: CalendarEntry = {
      uid: calendarUid('session', session.id),
      sequence: session.sequence,
      method: cancelled ? 'CANCEL' : 'REQUEST',
      start: session.startsAt,
      end: session.endsAt,
      timeZone: event.timeZone,
      summary: `${session.title} — ${event.name}`,
      location: [room?.name, event.venue, event.city].filter(Boolean).join(', ') || undefined,
    };
    const messages = (await this.recipients(em, speakers)).map(({ speaker, user }) =>
      this.message<SessionChangedPayload>(event, speaker, user, {
        type: 'session-changed',
        dedupeKey: `session-changed:${session.id}:${session.sequence}:${speaker.email}`,
        calendar,
        payload: {
          eventName: event.name,
          sessionTitle: session.title,
          startsAt: session.startsAt.toISOString(),
          room: room?.name,
          role: speaker.role,
          cancelled,
        },
      }),
    );
    await this.outbox.enqueue(em, ...messages);
  }

  private message<P extends object>(
    event: Event,
    speaker: SessionSpeaker,
    user: UserContact | null,
    rest: Omit<OutboxMessage<P>, 'recipient' | 'eventId' | 'eventTimeZone' | 'eventLocale' | 'eventNames'>,
  ): OutboxMessage<P> {
    return {
      ...rest,
      eventId: event.id,
      eventTimeZone: event.timeZone,
      eventLocale: event.defaultLocale,
      eventNames: eventNames(event),
      recipient: {
        userId: user?.id,
        email: speaker.email,
        name: user?.name ?? speaker.name,
        locale: (user?.locale ?? speaker.locale ?? undefined) as 'zh' | 'ru' | 'en' | undefined,
        timeZone: user?.timeZone,
      },
    };
  }
}
