import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '@/lib/events';
import { errorMessage } from '@/lib/errors';
import { useChangeStatus, type StatusChange } from '../api/organisers';

const NEXT: Record<EventDetail['status'], StatusChange[]> = {
  draft: ['publish', 'cancel'],
  published: ['close', 'cancel'],
  closed: [],
  cancelled: [],
};

/** Where the event stands and the moves open from there; cancelling asks first and says who will be told. */
export function StatusPanel(props: { event: EventDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(props.event.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const status = props.event.status;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="status-title">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id="status-title">
            {t('eventForm.status')}
          </Title>
          <Badge
            variant="light"
            data-testid="event-status"
            color={status === 'published' ? 'green' : status === 'cancelled' ? 'red' : 'gray'}
          >
            {t(`organiser.status.${status}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`eventForm.statusHelp.${status}`)}</Text>
        {change.error != null && (
          <Alert color="red" role="alert">
            {errorMessage(change.error, t)}
          </Alert>
        )}
        {change.isSuccess && (
          <Alert color="green" role="status">
            {t(`eventForm.changed.${change.variables.change}`)}
          </Alert>
        )}
        <Group>
          {NEXT[status].map((next) =>
            next === 'cancel' ? (
              <Button key={next} color="red" variant="light" onClick={() => setConfirming(true)}>
                {t('eventForm.cancelEvent')}
              </Button>
            ) : (
              <Button key={next} loading={change.isPending} onClick={() => change.mutate({ change: next })}>
                {t(`eventForm.${next}`)}
              </Button>
            ),
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('eventForm.cancelTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('eventForm.cancelWarning')}</Text>
          <TextInput
            label={t('eventForm.cancelReason')}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('eventForm.keepEvent')}
            </Button>
            <Button
              color="red"
              loading={change.isPending}
              onClick={() =>
                change.mutate(
                  { change: 'cancel', reason: reason.trim() || undefined },
                  { onSettled: () => setConfirming(false) },
                )
              }
            >
              {t('eventForm.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
