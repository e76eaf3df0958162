import { Alert, Button, Group, Modal, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import type { EventDetail } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import type { Registration } from '@/lib/my-registration';
import { companyName } from '@/lib/names';
import { formatDay, formatTime, dayKey, zoneLabel } from '@/lib/time';
import { useCommonSlots, usePendingSent, useSendRequest, type Delegate, type Slot } from '../api/directory';

const SHOWN_SLOTS = 8;

/**
 * Asking a delegate for a meeting: the slots both can make (each in the
 * event's time and in both parties' home times), a message, and how many
 * unanswered requests one may still send.
 */
export function RequestMeetingDialog(props: {
  event: EventDetail;
  own: Registration;
  delegate: Delegate;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { event, own, delegate } = props;
  const slots = useCommonSlots(event.id, delegate.registrationId);
  const pending = usePendingSent(event.id, own.id);
  const send = useSendRequest(event.id);
  const [message, setMessage] = useState('');
  const [preferred, setPreferred] = useState('');
  const locale = intlLocale(i18n.language);
  const limit = event.meetingSettings.maxPendingRequests;
  const atLimit = pending.data !== undefined && pending.data >= limit;
  const who = companyName(delegate.company, i18n.language) ?? delegate.name;

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('requests.dialogTitle', { who })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('requests.close') }}
    >
      {send.isSuccess ? (
        <Stack>
          <Alert color="green" role="status">
            {t('requests.sent', { name: delegate.name })}
          </Alert>
          <Button onClick={props.onClose} style={{ alignSelf: 'flex-start' }}>
            {t('requests.close')}
          </Button>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({
              toRegistrationId: delegate.registrationId,
              message: message.trim() || undefined,
              preferredSlotIndex: preferred === '' ? undefined : Number(preferred),
            });
          }}
        >
          <Stack>
            <Text size="sm">
              {delegate.name}
              {delegate.jobTitle ? ` · ${delegate.jobTitle}` : ''}
            </Text>
            {pending.data !== undefined && (
              <Alert color={atLimit ? 'orange' : 'blue'} role="status" data-testid="pending-limit">
                {atLimit
                  ? t('requests.limitReached', { limit })
                  : t('requests.pendingCount', { count: pending.data, limit })}
              </Alert>
            )}
            <Text fw={700}>{t('requests.commonSlots')}</Text>
            <QueryState query={slots}>
              {(page) =>
                page.items.length === 0 ? (
                  <Alert color="orange" role="status">
                    {t('requests.noCommonSlot')}
                  </Alert>
                ) : (
                  <Stack gap="xs">
                    <SlotTable
                      slots={page.items}
                      eventZone={event.timeZone}
                      ownZone={own.timeZone}
                      otherZone={delegate.timeZone}
                      otherName={delegate.name}
                    />
                    <NativeSelect
                      label={t('requests.preferred')}
                      description={t('requests.preferredHint')}
                      value={preferred}
                      onChange={(e) => setPreferred(e.currentTarget.value)}
                      data={[
                        { value: '', label: t('requests.noPreference') },
                        ...page.items.map((slot) => ({
                          value: String(slot.index),
                          label: `${formatDay(dayKey(slot.start, event.timeZone), locale)}, ${formatTime(slot.start, event.timeZone, locale)}–${formatTime(slot.end, event.timeZone, locale)} ${zoneLabel(slot.start, event.timeZone, locale)}`,
                        })),
                      ]}
                    />
                  </Stack>
                )
              }
            </QueryState>
            <Text size="xs" c="dark.4">
              {t('requests.placementNote')}
            </Text>
            <Textarea
              label={t('requests.message')}
              description={t('requests.messageHint')}
              autosize
              minRows={3}
              maxLength={2000}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
            {send.error && (
              <Alert color="red" role="alert">
                {errorMessage(send.error, t)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('requests.close')}
              </Button>
              <Button type="submit" loading={send.isPending} disabled={atLimit}>
                {t('requests.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function SlotTable(props: { slots: Slot[]; eventZone: string; ownZone: string; otherZone: string; otherName: string }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const shown = props.slots.slice(0, SHOWN_SLOTS);
  const span = (slot: Slot, zone: string) =>
    `${formatTime(slot.start, zone, locale)}–${formatTime(slot.end, zone, locale)} ${zoneLabel(slot.start, zone, locale)}`;
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={300}>
        <Table striped withTableBorder data-testid="common-slots" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('requests.eventTime')}</Table.Th>
              <Table.Th>{t('requests.yourTime')}</Table.Th>
              <Table.Th>{t('requests.theirTime', { name: props.otherName })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((slot) => (
              <Table.Tr key={slot.index}>
                <Table.Td>
                  <Text size="xs" c="dark.4">
                    {formatDay(dayKey(slot.start, props.eventZone), locale)}
                  </Text>
                  <Text fw={700} ff="monospace">
                    {span(slot, props.eventZone)}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{span(slot, props.ownZone)}</Table.Td>
                <Table.Td ff="monospace">{span(slot, props.otherZone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.slots.length > shown.length && (
        <Text size="xs" c="dark.4">
          {t('requests.moreSlots', { count: props.slots.length - shown.length })}
        </Text>
      )}
    </Stack>
  );
}
