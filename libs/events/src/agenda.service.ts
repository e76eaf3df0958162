import { Injectable } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { isoInstant, Locale, LOCALES } from '@roundtable/common';
import { ReadReplicas } from '@roundtable/database';
import { buildIcs, calendarUid } from '@roundtable/notifications';
import { Event } from './entities/event.entity';
import { EventAccessService } from './event-access.service';
import { SessionsService, SessionView } from './sessions.service';

export interface AgendaSession {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  room: string | null;
  languages: string[];
  interpretation: string[];
  abstract: string | null;
  materials: string[];
  speakers: { name: string; role: string; company: string | null; bio: string | null }[];
  siteVisit: {
    capacity: number;
    meetingPoint: string;
    departsAt: string;
    localDeparture: string;
    transport: string | null;
  } | null;
}

export interface Agenda {
  event: {
    id: string;
    name: string;
    theme: string | null;
    timeZone: string;
    venue: string | null;
    city: string | null;
  };
  locale: Locale;
  days: { date: string; sessions: AgendaSession[] }[];
}

/** The public programme, in the reader's language, grouped by day in the event's own time zone. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly access: EventAccessService,
    private readonly sessions: SessionsService,
    private readonly replicas: ReadReplicas,
  ) {}

  /** The event and its sessions, from a replica unless the reader or the event changed something moments ago. */
  private load(eventId: string, user: AuthUser | undefined): Promise<{ event: Event; views: SessionView[] }> {
    return this.replicas.read({ userId: user?.id, eventId }, async (em) => {
      const event = await this.access.getVisibleEvent(eventId, user, em);
      return { event, views: await this.sessions.ofEvent(event, em) };
    });
  }

  async agenda(eventId: string, user: AuthUser | undefined, requested: string | undefined): Promise<Agenda> {
    const { event, views } = await this.load(eventId, user);
    const locale = pickLocale(requested, event);
    const days = new Map<string, AgendaSession[]>();
    for (const view of views) {
      const item = this.item(view, event, locale);
      const day = item.localStart.slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), item]);
    }
    const text = event.translations[locale] ?? {};
    return {
      event: {
        id: event.id,
        name: text.name ?? event.name,
        theme: text.theme ?? event.theme,
        timeZone: event.timeZone,
        venue: event.venue,
        city: event.city,
      },
      locale,
      days: [...days.entries()].map(([date, sessions]) => ({ date, sessions })),
    };
  }

  async ics(eventId: string, user: AuthUser | undefined, requested: string | undefined): Promise<string> {
    const { event, views } = await this.load(eventId, user);
    const locale = pickLocale(requested, event);
    return buildIcs(
      views.map((view) => {
        const item = this.item(view, event, locale);
        return {
          uid: calendarUid('session', view.session.id),
          sequence: view.session.sequence,
          method: 'PUBLISH' as const,
          start: view.session.startsAt,
          end: view.session.endsAt,
          timeZone: event.timeZone,
          summary: item.title,
          description: [
            item.description,
            item.siteVisit ? [item.siteVisit.meetingPoint, item.siteVisit.transport].filter(Boolean).join(' · ') : null,
            item.speakers.map((s) => s.name).join(', '),
          ]
            .filter(Boolean)
            .join('\n\n'),
          location: [item.room, event.venue, event.city].filter(Boolean).join(', ') || undefined,
        };
      }),
      { method: 'PUBLISH', name: event.translations[locale]?.name ?? event.name, timeZone: event.timeZone },
    );
  }

  private item({ session, room, speakers }: SessionView, event: Event, locale: Locale): AgendaSession {
    const text = session.translations[locale] ?? {};
    const local = (d: Date) => isoInstant(d, event.timeZone);
    return {
      id: session.id,
      kind: session.kind,
      title: text.title ?? session.title,
      description: text.description ?? session.description,
      startsAt: isoInstant(session.startsAt),
      endsAt: isoInstant(session.endsAt),
      localStart: local(session.startsAt),
      localEnd: local(session.endsAt),
      room: room?.name ?? null,
      languages: session.languages,
      interpretation: session.interpretation,
      abstract: session.abstract,
      materials: session.materials,
      speakers: speakers.map((s) => ({ name: s.name, role: s.role, company: s.company, bio: s.bio })),
      siteVisit:
        session.kind === 'site_visit' && session.capacity !== null && session.departsAt && session.meetingPoint
          ? {
              capacity: session.capacity,
              meetingPoint: text.meetingPoint ?? session.meetingPoint,
              departsAt: isoInstant(session.departsAt),
              localDeparture: local(session.departsAt),
              transport: text.transport ?? session.transport,
            }
          : null,
    };
  }
}

/** ?locale= wins, then the first supported language of Accept-Language, then the event's default. */
export function pickLocale(requested: string | undefined, event: Event): Locale {
  for (const part of (requested ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return event.defaultLocale;
}
