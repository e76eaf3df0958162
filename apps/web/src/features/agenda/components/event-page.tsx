import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { QueryState } from '@/components/query-state';
import { TimePair } from '@/components/time-pair';
import { currentLanguage, intlLocale } from '@/lib/i18n';
import { interpretationName } from '@/lib/names';
import { useRevealAll } from '@/lib/reveal';
import { useSession, useViewerTimeZone } from '@/lib/session';
import { formatDate, formatDay, sameOffset } from '@/lib/time';
import { calendarFileUrl, localized, useAgenda, useEvent, type AgendaSession, type EventDetail } from '@/lib/events';
import classes from './event-page.module.css';

/** What a route adds under a session on the agenda (e.g. a site visit's sign-up), composed from another feature. */
export type SessionExtra = (session: AgendaSession, zones: { eventZone: string; viewerZone: string }) => ReactNode;

export interface AgendaFilters {
  day?: string;
  room?: string;
  kind?: string;
  q?: string;
}

/** The public event page: what, when, where; the agenda by day, filterable; calendar file; register. */
export function EventPage(props: {
  eventId: string;
  filters: AgendaFilters;
  onFiltersChange: (filters: AgendaFilters) => void;
  sessionExtra?: SessionExtra;
  /** More buttons beside Register, composed by the route (the organisers' way in). */
  actions?: ReactNode;
  /** a session to scroll to once the agenda is shown (?visit=…, the site-visit reminder mail's link) */
  focus?: string;
}) {
  const event = useEvent(props.eventId);
  return (
    <QueryState query={event}>
      {(data) => (
        <EventBody
          event={data}
          filters={props.filters}
          onFiltersChange={props.onFiltersChange}
          sessionExtra={props.sessionExtra}
          actions={props.actions}
          focus={props.focus}
        />
      )}
    </QueryState>
  );
}

function EventBody(props: {
  event: EventDetail;
  filters: AgendaFilters;
  onFiltersChange: (f: AgendaFilters) => void;
  sessionExtra?: SessionExtra;
  actions?: ReactNode;
  /** a session to scroll to once the agenda is shown */
  focus?: string;
}) {
  const { t, i18n } = useTranslation();
  const { event } = props;
  const locale = intlLocale(i18n.language);
  const texts = localized(event, i18n.language);
  const viewerZone = useViewerTimeZone();
  const session = useSession();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {texts.name}
        </Title>
        {texts.theme && <Text c="dark.5">{texts.theme}</Text>}
        <Text fw={500}>
          {formatDate(event.startsAt, event.timeZone, locale)} – {formatDate(event.endsAt, event.timeZone, locale)}
          {' · '}
          {[event.venue, event.city].filter(Boolean).join(', ')}
        </Text>
        {texts.description && <Text size="sm">{texts.description}</Text>}
        <Group mt="xs">
          <ButtonLink to="/events/$eventId/register" params={{ eventId: event.id }}>
            {t('agenda.register')}
          </ButtonLink>
          <Button component="a" variant="default" href={calendarFileUrl(event.id, i18n.language)} download>
            {t('agenda.calendar')}
          </Button>
          {session && (
            <ButtonLink to="/events/$eventId/directory" params={{ eventId: event.id }} search={{}} variant="light">
              {t('agenda.directory')}
            </ButtonLink>
          )}
          {session && (
            <ButtonLink to="/events/$eventId/requests" params={{ eventId: event.id }} variant="light">
              {t('agenda.requests')}
            </ButtonLink>
          )}
          {session && (
            <ButtonLink to="/events/$eventId/schedule" params={{ eventId: event.id }} variant="light">
              {t('agenda.schedule')}
            </ButtonLink>
          )}
          {session && (
            <ButtonLink to="/events/$eventId/availability" params={{ eventId: event.id }} variant="light">
              {t('agenda.availability')}
            </ButtonLink>
          )}
          {props.actions}
        </Group>
      </Stack>
      <Agenda
        event={event}
        viewerZone={viewerZone}
        filters={props.filters}
        onFiltersChange={props.onFiltersChange}
        sessionExtra={props.sessionExtra}
        focus={props.focus}
      />
    </Stack>
  );
}

function matches(session: AgendaSession, filters: AgendaFilters): boolean {
  if (filters.room && session.room !== filters.room) return false;
  if (filters.kind && session.kind !== filters.kind) return false;
  if (filters.q) {
    const needle = filters.q.toLocaleLowerCase();
    const haystack = [
      session.title,
      session.description,
      session.abstract,
      session.room,
      ...session.speakers.flatMap((s) => [s.name, s.company]),
    ]
      .filter(Boolean)
      .join(' ')
      .toLocaleLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** Enough cards to fill a phone's first screen (and a desktop's); the rest follow without blocking it. */
const FIRST_CARDS = 6;

/** The days with at most `limit` sessions in all, in order; days left empty are dropped. */
function firstCards<D extends { sessions: AgendaSession[] }>(days: D[], limit: number): D[] {
  if (limit === Infinity) return days;
  const shown: D[] = [];
  let left = limit;
  for (const day of days) {
    if (left <= 0) break;
    shown.push({ ...day, sessions: day.sessions.slice(0, left) });
    left -= day.sessions.length;
  }
  return shown;
}

function Agenda(props: {
  event: EventDetail;
  viewerZone: string;
  filters: AgendaFilters;
  onFiltersChange: (f: AgendaFilters) => void;
  sessionExtra?: SessionExtra;
  focus?: string;
}) {
  const { t, i18n } = useTranslation();
  const agenda = useAgenda(props.event.id, currentLanguage());
  const { focus } = props;
  const loaded = agenda.data !== undefined;
  // A link to one session (?visit=…): every card at once, and that one scrolled to, below the sticky header.
  useEffect(() => {
    if (loaded && focus) document.getElementById(`session-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [loaded, focus]);
  const { filters, onFiltersChange } = props;
  const set = (patch: AgendaFilters) => onFiltersChange({ ...filters, ...patch });
  const options = useMemo(() => {
    const sessions = agenda.data?.days.flatMap((d) => d.sessions) ?? [];
    return {
      rooms: [...new Set(sessions.map((s) => s.room).filter((r): r is string => !!r))].sort(),
      kinds: [...new Set(sessions.map((s) => s.kind))],
    };
  }, [agenda.data]);
  const locale = intlLocale(i18n.language);
  const zone = props.event.timeZone;
  const sameZone = sameOffset(props.event.startsAt, zone, props.viewerZone);
  const revealed = useRevealAll();

  return (
    <Stack gap="md" component="section" aria-labelledby="agenda-title">
      <Title order={2} size="h3" id="agenda-title">
        {t('agenda.agenda')}
      </Title>
      <Text size="sm" c="dark.4">
        {t('agenda.eventTime', { zone })}
        {sameZone ? ` · ${t('agenda.sameZone')}` : ` · ${t('agenda.yourTime', { zone: props.viewerZone })}`}
      </Text>
      <QueryState query={agenda}>
        {(data) => {
          const days = data.days
            .filter((d) => !filters.day || d.date === filters.day)
            .map((d) => ({ ...d, sessions: d.sessions.filter((s) => matches(s, filters)) }))
            .filter((d) => d.sessions.length > 0);
          return (
            <>
              <Group align="end" gap="sm" wrap="wrap" role="search">
                <TextInput
                  label={t('agenda.filter')}
                  placeholder={t('agenda.filterPlaceholder')}
                  value={filters.q ?? ''}
                  onChange={(e) => set({ q: e.currentTarget.value || undefined })}
                  className={classes.search}
                />
                <NativeSelect
                  label={t('agenda.day')}
                  value={filters.day ?? ''}
                  onChange={(e) => set({ day: e.currentTarget.value || undefined })}
                  data={[
                    { value: '', label: t('agenda.allDays') },
                    ...data.days.map((d) => ({ value: d.date, label: formatDay(d.date, locale) })),
                  ]}
                  className={classes.select}
                />
                <NativeSelect
                  label={t('agenda.room')}
                  value={filters.room ?? ''}
                  onChange={(e) => set({ room: e.currentTarget.value || undefined })}
                  data={[{ value: '', label: t('agenda.allRooms') }, ...options.rooms]}
                  className={classes.select}
                />
                <NativeSelect
                  label={t('agenda.kind')}
                  value={filters.kind ?? ''}
                  onChange={(e) => set({ kind: e.currentTarget.value || undefined })}
                  data={[
                    { value: '', label: t('agenda.allKinds') },
                    ...options.kinds.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`, { defaultValue: k }) })),
                  ]}
                  className={classes.select}
                />
              </Group>
              {days.length === 0 ? (
                <Alert color="gray" title={t('agenda.noMatch')}>
                  <Button variant="subtle" onClick={() => onFiltersChange({})}>
                    {t('agenda.clear')}
                  </Button>
                </Alert>
              ) : (
                firstCards(days, revealed || focus ? Infinity : FIRST_CARDS).map((day) => (
                  <Stack key={day.date} gap="sm" component="section" aria-labelledby={`day-${day.date}`}>
                    <Title order={3} size="h4" id={`day-${day.date}`}>
                      {formatDay(day.date, locale)}
                    </Title>
                    {day.sessions.map((session) => (
                      <SessionCard
                        key={session.id}
                        session={session}
                        eventZone={zone}
                        viewerZone={props.viewerZone}
                        extra={props.sessionExtra?.(session, { eventZone: zone, viewerZone: props.viewerZone })}
                      />
                    ))}
                  </Stack>
                ))
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function SessionCard(props: { session: AgendaSession; eventZone: string; viewerZone: string; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session } = props;
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={session.title}
      data-testid="session"
      id={`session-${session.id}`}
      className={classes.session}
    >
      <div className={classes.cardRow}>
        <div style={{ minWidth: 130 }}>
          <TimePair
            start={session.startsAt}
            end={session.endsAt}
            eventZone={props.eventZone}
            viewerZone={props.viewerZone}
            size="md"
          />
        </div>
        <Stack gap={4} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
          <Group gap="xs">
            <Badge variant="light">{t(`agenda.kinds.${session.kind}`, { defaultValue: session.kind })}</Badge>
            {session.room && (
              <Text size="sm" c="dark.4">
                {session.room}
              </Text>
            )}
          </Group>
          <Text fw={600}>{session.title}</Text>
          {session.description && <Text size="sm">{session.description}</Text>}
          {session.abstract && (
            <Text size="sm" fs="italic" data-testid="abstract">
              {session.abstract}
            </Text>
          )}
          {session.speakers.length > 0 && (
            <Text size="sm">
              <Text span fw={500}>
                {t('agenda.speakers')}:{' '}
              </Text>
              {session.speakers
                .map((s) =>
                  [
                    s.name,
                    s.role === 'moderator' ? `(${t('agenda.moderator')})` : null,
                    s.company ? `· ${s.company}` : null,
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
                .join('; ')}
            </Text>
          )}
          {session.interpretation.length > 0 && (
            <Text size="xs" c="dark.4">
              {t('agenda.interpretation')}:{' '}
              {session.interpretation.map((pair) => interpretationName(pair, i18n.language)).join(', ')}
            </Text>
          )}
          {session.materials.length > 0 && (
            <Group gap="xs">
              <Text size="xs">{t('agenda.materials')}:</Text>
              {session.materials.map((url) => (
                <Anchor key={url} href={url} size="xs" target="_blank" rel="noopener noreferrer">
                  {new URL(url, window.location.href).hostname}
                </Anchor>
              ))}
            </Group>
          )}
          {props.extra}
        </Stack>
      </div>
    </Card>
  );
}
