import { Alert, Button, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { useSchedulerRun } from '../api/b2b';

/** Run the scheduler (a worker job) with its progress, then what it did: placed, unplaced by reason, the fewest any delegate got. */
export function SchedulerPanel(props: { eventId: string }) {
  const { t } = useTranslation();
  const { state, run } = useSchedulerRun(props.eventId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scheduler-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="scheduler-title">
          {t('b2b.scheduler.title')}
        </Title>
        <Text size="sm" c="dark.5">
          {t('b2b.scheduler.intro')}
        </Text>
        <Group>
          <Button onClick={run} loading={state.phase === 'running'}>
            {t('b2b.scheduler.run')}
          </Button>
        </Group>
        {state.phase === 'running' && (
          <Progress
            value={state.progress}
            size="lg"
            animated
            aria-label={t('b2b.scheduler.progress', { percent: Math.round(state.progress) })}
            data-testid="scheduler-progress"
          />
        )}
        {state.phase === 'failed' && (
          <Alert color="red" role="alert">
            {errorMessage(state.error, t)}
          </Alert>
        )}
        {state.phase === 'done' && (
          <Alert color="green" role="status" data-testid="scheduler-result" title={t('b2b.scheduler.done')}>
            <Stack gap={4}>
              <Text size="sm">{t('b2b.scheduler.placed', { count: state.result.placed })}</Text>
              <Text size="sm">{t('b2b.scheduler.unplaced', { count: state.result.unplaced })}</Text>
              {Object.keys(state.result.reasons).length > 0 && (
                <List size="sm">
                  {Object.entries(state.result.reasons).map(([reason, n]) => (
                    <List.Item key={reason}>
                      {t(`b2b.reasons.${reason}`, { defaultValue: reason })}: {n}
                    </List.Item>
                  ))}
                </List>
              )}
              <Text size="sm">{t('b2b.scheduler.fewest', { count: state.result.fewestMeetingsPerDelegate })}</Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
