import { Alert, Box, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/client';
import { intlLocale } from '@/lib/i18n';
import { dayKey, deviceTimeZone, formatDay } from '@/lib/time';
import { useGrid, useLockMeeting, useMoveMeeting, type Grid, type GridMeeting } from '../api/b2b';
import { buildModel } from '../model/grid-model';
import { InterpretersPanel } from './interpreters-panel';
import { PublishPanel } from './publish-panel';
import { SchedulerPanel } from './scheduler-panel';
import { ScheduleGrid } from './schedule-grid';
import { UnplacedList } from './unplaced-list';

/** The organisers' B2B screen: run the scheduler, the grid day by day with the unplaced list beside it, publish. */
export function B2bPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const grid = useGrid(props.eventId);
  if (grid.error instanceof ApiError && (grid.error.status === 403 || grid.error.status === 404)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('b2b.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="b2b-refused">
          {t('b2b.refused')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('b2b.title')}
      </Title>
      <QueryState query={grid}>{(data) => <Board eventId={props.eventId} grid={data} />}</QueryState>
    </Stack>
  );
}

function Board(props: { eventId: string; grid: Grid }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const zone = props.grid.timeZone;
  const model = useMemo(() => buildModel(props.grid, (iso) => dayKey(iso, zone)), [props.grid, zone]);
  const [day, setDay] = useState(model.days[0]?.day ?? '');
  const [interpreterPair, setInterpreterPair] = useState<string | null>(null);
  const slots = model.days.find((d) => d.day === day)?.slots ?? model.days[0]?.slots ?? [];
  const move = useMoveMeeting(props.eventId);
  const lock = useLockMeeting(props.eventId);
  const doMove = useCallback(
    async (m: GridMeeting, slotIndex: number, tableNo: number) => {
      await move.mutateAsync({ meetingId: m.id, slotIndex, tableNo });
    },
    [move],
  );
  const doLock = useCallback(
    async (m: GridMeeting, locked: boolean) => {
      await lock.mutateAsync({ meetingId: m.id, locked });
    },
    [lock],
  );
  const needInterpreter = (pair: string) => {
    setInterpreterPair(pair);
    document.getElementById('interpreters-title')?.scrollIntoView({ block: 'start' });
  };
  return (
    <Stack gap="md">
      <Group align="stretch" grow preventGrowOverflow={false} wrap="wrap">
        <SchedulerPanel eventId={props.eventId} />
        <PublishPanel eventId={props.eventId} status={props.grid.scheduleStatus} />
      </Group>
      <Text size="sm" data-testid="grid-summary">
        {t('b2b.summary', {
          meetings: props.grid.meetings.length,
          tables: props.grid.tables,
          slots: props.grid.slots.length,
          zone,
        })}
      </Text>
      {model.days.length > 1 && (
        <SegmentedControl
          aria-label={t('b2b.day')}
          value={day}
          onChange={setDay}
          data={model.days.map((d) => ({ value: d.day, label: formatDay(d.day, locale) }))}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
        />
      )}
      {slots.length === 0 ? (
        <Alert color="gray" role="status">
          {t('b2b.noSlots')}
        </Alert>
      ) : (
        <Box style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Box style={{ flex: '1 1 560px', minWidth: 0 }}>
            <ScheduleGrid
              model={model}
              slots={slots}
              eventZone={zone}
              viewerZone={deviceTimeZone()}
              locale={locale}
              statusLabel={t(`b2b.status.${props.grid.scheduleStatus}`)}
              move={doMove}
              lock={doLock}
            />
          </Box>
          <Box style={{ flex: '1 1 280px', maxWidth: '100%' }}>
            <UnplacedList
              eventId={props.eventId}
              eventZone={zone}
              locale={locale}
              onNeedInterpreter={needInterpreter}
            />
          </Box>
        </Box>
      )}
      <InterpretersPanel eventId={props.eventId} grid={props.grid} suggestedPair={interpreterPair} />
    </Stack>
  );
}
