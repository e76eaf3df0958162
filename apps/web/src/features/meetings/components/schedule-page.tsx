import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { TimePair } from '@/components/time-pair';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { useRevealAll } from '@/lib/reveal';
import { useSession } from '@/lib/session';
import { dayKey, formatDay, sameOffset } from '@/lib/time';
import { useFeedState, useIssueFeed, useMyMeetings, useRevokeFeed, type MyMeeting } from '../api/meetings';
import { NowNext, useNow } from './now-next';
import { Outcomes } from './outcome-form';
import classes from './schedule-page.module.css';

/** My meetings at one event, day by day: event time large with my home time beside it, table, who, interpreter. */
export function SchedulePage(props: { eventId: string }) {
  const { t } = useTranslation();
  const meetings = useMyMeetings();
  const session = useSession();
  const now = useNow();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={1} size="h2">
          {t('schedule.title')}
        </Title>
        <Button variant="default" className={classes.noPrint} onClick={() => window.print()}>
          {t('schedule.print')}
        </Button>
      </Group>
      <QueryState query={meetings}>
        {(page) => {
          const mine = page.items.filter((m) => m.event.id === props.eventId);
          if (mine.length === 0) {
            return (
              <Alert color="gray" role="status">
                {t('schedule.empty')}
              </Alert>
            );
          }
          return (
            <Stack gap="lg">
              {/* On paper the site's header is gone: whose schedule, at which forum. */}
              <Text className={classes.printOnly} fw={600} data-testid="print-heading">
                {mine[0].event.name}
                {session ? ` · ${session.user.name}` : ''}
              </Text>
              <NowNext meetings={mine} eventZone={mine[0].event.timeZone} now={now} />
              <Days meetings={mine} />
              <Outcomes meetings={mine} now={now} />
            </Stack>
          );
        }}
      </QueryState>
      <div className={classes.noPrint}>
        <CalendarFeed />
      </div>
    </Stack>
  );
}

/** Enough rows to fill a phone's first screen. */
const FIRST_ROWS = 6;

function Days(props: { meetings: MyMeeting[] }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const eventZone = props.meetings[0].event.timeZone;
  // the second time of each row: the home zone the delegate registered with (the api answers in it)
  const home = props.meetings[0].timeZone;
  // The first screen's meetings at once, the rest in a transition right after (see useRevealAll).
  const revealed = useRevealAll();
  const days = new Map<string, MyMeeting[]>();
  for (const meeting of revealed ? props.meetings : props.meetings.slice(0, FIRST_ROWS)) {
    const key = dayKey(meeting.startsAt, eventZone);
    days.set(key, [...(days.get(key) ?? []), meeting]);
  }
  return (
    <Stack gap="lg">
      {!sameOffset(props.meetings[0].startsAt, eventZone, home) && (
        <Alert color="blue" role="note" data-testid="zone-banner" className={classes.noPrint}>
          {t('schedule.zoneBanner', { event: eventZone, home })}
        </Alert>
      )}
      {[...days.entries()].map(([day, meetings]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <Title order={2} size="h4" id={`day-${day}`} mb="xs">
            {formatDay(day, locale)}
          </Title>
          {/* A plain table: Mantine's Table brings ScrollArea (some 15 kB gzip) into My schedule's chunk. */}
          <table data-testid="schedule-day" className={`${classes.table} ${classes.printTable}`}>
            <thead>
              <tr>
                <th scope="col">{t('schedule.time')}</th>
                <th scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {t('schedule.table')}
                </th>
                <th scope="col">{t('schedule.withWhom')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id} data-testid="schedule-meeting">
                  <td>
                    <TimePair
                      start={meeting.startsAt}
                      end={meeting.endsAt}
                      eventZone={eventZone}
                      viewerZone={meeting.timeZone}
                    />
                  </td>
                  <td>
                    <Text fw={700} size="lg" data-testid="table-no">
                      {meeting.tableNo ?? '—'}
                    </Text>
                  </td>
                  <td>
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {meeting.with.name}
                    </Text>
                    {meeting.with.company && (
                      <Text size="sm" c="dark.5" style={{ overflowWrap: 'anywhere' }}>
                        {meeting.with.company}
                      </Text>
                    )}
                    {meeting.interpreterId && (
                      <Text size="sm" c="dark.5" data-testid="interpreter">
                        {meeting.interpreter
                          ? t('schedule.interpreterNamed', { name: meeting.interpreter.name })
                          : t('schedule.interpreter')}
                      </Text>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Stack>
  );
}

/** A personal calendar subscription: issuing a link replaces any earlier one; revoking stops it. */
function CalendarFeed() {
  const { t } = useTranslation();
  const state = useFeedState();
  const issue = useIssueFeed();
  const revoke = useRevokeFeed();
  const url = issue.data && !revoke.isSuccess ? issue.data.url : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feed-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="feed-title">
          {t('schedule.feedTitle')}
        </Title>
        <Text size="sm">{t('schedule.feedIntro')}</Text>
        {!url && state.data && !revoke.isSuccess && (
          <Text size="sm" fw={500} data-testid="feed-state">
            {state.data.active ? t('schedule.feedActive') : t('schedule.feedNone')}
          </Text>
        )}
        {(issue.error ?? revoke.error) && (
          <Alert color="red" role="alert">
            {errorMessage(issue.error ?? revoke.error, t)}
          </Alert>
        )}
        {revoke.isSuccess && (
          <Alert color="green" role="status">
            {t('schedule.feedRevoked')}
          </Alert>
        )}
        {url && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('schedule.feedLink')}
              readOnly
              value={url}
              style={{ flex: 1, minWidth: 0 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant={copied ? 'light' : 'filled'} onClick={copy}>
                  {copied ? t('schedule.copied') : t('schedule.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        <Group gap="xs">
          <Button
            {...WRAPPING}
            variant={url ? 'default' : 'filled'}
            onClick={() => {
              revoke.reset();
              issue.mutate();
            }}
            loading={issue.isPending}
          >
            {url ? t('schedule.feedRenew') : t('schedule.feedIssue')}
          </Button>
          <Button
            {...WRAPPING}
            variant="default"
            color="red"
            onClick={() => revoke.mutate()}
            loading={revoke.isPending}
          >
            {t('schedule.feedRevoke')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Buttons whose label may be long in Russian: it wraps at 360 px instead of being cut off. */
const WRAPPING = {
  h: 'auto',
  py: 6,
  styles: { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } },
};
