import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { usePublish } from '../api/b2b';

/** Publish preliminary, then final; each says what it changed. Final mails every delegate, so it asks once more. */
export function PublishPanel(props: { eventId: string; status: string }) {
  const { t } = useTranslation();
  const publish = usePublish(props.eventId);
  const [confirming, setConfirming] = useState(false);
  const done = publish.data;
  const final = props.status === 'final';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="publish-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="publish-title">
          {t('b2b.publish.title')}
        </Title>
        <Text size="sm" data-testid="schedule-status">
          {t('b2b.publish.current', { status: t(`b2b.status.${props.status}`) })}
        </Text>
        <Group gap="xs">
          <Button
            variant="light"
            disabled={props.status !== 'draft' || publish.isPending}
            onClick={() => publish.mutate('preliminary')}
          >
            {t('b2b.publish.preliminary')}
          </Button>
          {!confirming ? (
            <Button disabled={final || publish.isPending} onClick={() => setConfirming(true)}>
              {t('b2b.publish.final')}
            </Button>
          ) : (
            <>
              <Button
                color="red"
                loading={publish.isPending}
                onClick={() => publish.mutate('final', { onSettled: () => setConfirming(false) })}
              >
                {t('b2b.publish.confirmFinal')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('b2b.publish.cancel')}
              </Button>
            </>
          )}
        </Group>
        {confirming && (
          <Text size="sm" c="red.9">
            {t('b2b.publish.finalWarning')}
          </Text>
        )}
        {done && (
          <Alert color="green" role="status" data-testid="publish-result">
            {done.scheduleStatus === 'final'
              ? t('b2b.publish.finalDone', {
                  previous: t(`b2b.status.${done.previousStatus}`),
                  meetings: done.meetings,
                  mailed: done.mailed,
                })
              : t('b2b.publish.preliminaryDone', {
                  previous: t(`b2b.status.${done.previousStatus}`),
                  meetings: done.meetings,
                })}
          </Alert>
        )}
        {publish.error && (
          <Alert color="red" role="alert">
            {errorMessage(publish.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
