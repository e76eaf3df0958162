import { Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TimePair } from '@/components/time-pair';
import { dayKey } from '@/lib/time';
import type { MyMeeting } from '../api/meetings';
import classes from './schedule-page.module.css';

/** The current time, read again every `everyMs` (a countdown's tick). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "1 h 05 min" / "12 min": the time left, rounded up to the minute. */
function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.max(1, Math.ceil(ms / 60_000));
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h > 0 ? t('schedule.hoursMinutes', { h, m }) : t('schedule.minutes', { m });
  };
}

/** On the event day: the meeting going on now, or the next one, with its table and a countdown. */
export function NowNext(props: { meetings: MyMeeting[]; eventZone: string; now: number }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const { meetings, eventZone, now } = props;
  const today = dayKey(new Date(now).toISOString(), eventZone);
  const todays = meetings
    .filter((m) => m.status === 'scheduled' && dayKey(m.startsAt, eventZone) === today)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const current = todays.find((m) => Date.parse(m.startsAt) <= now && now < Date.parse(m.endsAt));
  const next = todays.find((m) => Date.parse(m.startsAt) > now);
  if (!current && !next) return null;
  const card = (meeting: MyMeeting, kind: 'now' | 'next') => (
    <Stack gap={4} data-testid={`meeting-${kind}`}>
      <Text fw={700} size="sm" tt="uppercase" c="dark.8">
        {kind === 'now' ? t('schedule.nowLabel') : t('schedule.nextLabel')}
      </Text>
      <Text fw={700} size="xl" data-testid="countdown">
        {kind === 'now'
          ? t('schedule.endsIn', { time: duration(Date.parse(meeting.endsAt) - now) })
          : t('schedule.startsIn', { time: duration(Date.parse(meeting.startsAt) - now) })}
      </Text>
      <Text size="lg" fw={600}>
        {t('schedule.tableNo', { table: meeting.tableNo ?? '—' })}
      </Text>
      <Text style={{ overflowWrap: 'anywhere' }}>
        {[meeting.with.name, meeting.with.company].filter(Boolean).join(' · ')}
      </Text>
      <TimePair start={meeting.startsAt} end={meeting.endsAt} eventZone={eventZone} viewerZone={meeting.timeZone} />
    </Stack>
  );
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="now-title"
      className={classes.noPrint}
      bg="blue.0"
      data-testid="now-next"
    >
      <Title order={2} size="h4" id="now-title" mb="xs">
        {t('schedule.today')}
      </Title>
      <Stack gap="md">
        {current && card(current, 'now')}
        {next && card(next, 'next')}
      </Stack>
    </Paper>
  );
}
