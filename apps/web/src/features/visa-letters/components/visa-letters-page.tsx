import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { countryName } from '@/lib/names';
import { calendarDate } from '../model/dates';
import { fetchLetter, useVisaDecision, useVisaRequests, type VisaRequest, type VisaStatus } from '../api/visa-letters';

const COLORS: Record<VisaStatus, string> = { requested: 'yellow', approved: 'green', rejected: 'red' };

/** The organisers' visa letter requests: approve (the letter gets its reference), or reject with a reason the delegate sees. */
export function VisaLettersPage(props: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<VisaStatus | 'all'>('all');
  const list = useVisaRequests(props.eventId, status === 'all' ? undefined : status);
  const decision = useVisaDecision(props.eventId);
  const [rejecting, setRejecting] = useState<VisaRequest | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<{ name: string; status: VisaStatus } | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const locale = intlLocale(i18n.language);

  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('visaAdmin.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="visa-refused">
          {t('visaAdmin.refused')}
        </Alert>
      </Stack>
    );
  }
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const decide = async (v: VisaRequest, approve: boolean, why?: string) => {
    setDone(null);
    await decision.mutateAsync({ registrationId: v.registrationId, approve, reason: why });
    setDone({ name: v.fullName, status: approve ? 'approved' : 'rejected' });
  };
  const open = async (v: VisaRequest) => {
    setFileError(null);
    try {
      const url = URL.createObjectURL(await fetchLetter(props.eventId, v.registrationId));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      setFileError(error);
    }
  };
  const day = (date: string) => calendarDate(date, locale);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('visaAdmin.title')}
      </Title>
      <Text size="sm">{t('visaAdmin.intro')}</Text>
      <SegmentedControl
        aria-label={t('visaAdmin.filter')}
        value={status}
        onChange={(v) => setStatus(v)}
        data={(['all', 'requested', 'approved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`visaAdmin.statuses.${s}`),
        }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      {done && (
        <Alert color="green" role="status" data-testid="visa-done">
          {t(`visaAdmin.done.${done.status === 'approved' ? 'approved' : 'rejected'}`, { name: done.name })}
        </Alert>
      )}
      {(decision.error ?? fileError ?? list.error) && (
        <Alert color="red" role="alert">
          {errorMessage(decision.error ?? fileError ?? list.error, t)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-label={t('visaAdmin.table')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('visaAdmin.applicant')}</Table.Th>
              <Table.Th>{t('visaAdmin.nationality')}</Table.Th>
              <Table.Th>{t('visaAdmin.passport')}</Table.Th>
              <Table.Th>{t('visaAdmin.stay')}</Table.Th>
              <Table.Th>{t('visaAdmin.status')}</Table.Th>
              <Table.Th>{t('visaAdmin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((v) => (
              <Table.Tr key={v.registrationId} data-testid="visa-row">
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {v.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {v.name}
                    {v.company ? ` · ${v.company}` : ''}
                  </Text>
                  {v.registrationStatus !== 'approved' && (
                    <Text size="xs" c="red.9">
                      {t('visaAdmin.registrationIs', { status: t(`registration.statuses.${v.registrationStatus}`) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{countryName(v.nationality, i18n.language)}</Table.Td>
                <Table.Td>{t('visaAdmin.endsWith', { digits: v.passportLast4 })}</Table.Td>
                <Table.Td>
                  {day(v.entryOn)} – {day(v.exitOn)}
                </Table.Td>
                <Table.Td>
                  <Badge color={COLORS[v.status]} variant="light" autoContrast>
                    {t(`visaAdmin.statuses.${v.status}`)}
                  </Badge>
                  {v.reference && (
                    <Text size="xs" ff="monospace" data-testid="visa-reference">
                      {v.reference}
                    </Text>
                  )}
                  {v.status === 'rejected' && v.reason && (
                    <Text size="xs" c="dimmed">
                      {t('visaAdmin.because', { reason: v.reason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    {v.status !== 'approved' && (
                      <Button
                        size="compact-xs"
                        onClick={() => void decide(v, true)}
                        aria-label={t('visaAdmin.approveFor', { name: v.fullName })}
                      >
                        {t('visaAdmin.approve')}
                      </Button>
                    )}
                    {v.status !== 'rejected' && (
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        onClick={() => setRejecting(v)}
                        aria-label={t('visaAdmin.rejectFor', { name: v.fullName })}
                      >
                        {t('visaAdmin.reject')}
                      </Button>
                    )}
                    {v.status === 'approved' && v.registrationStatus === 'approved' && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => void open(v)}
                        aria-label={t('visaAdmin.letterFor', { name: v.fullName })}
                      >
                        {t('visaAdmin.letter')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('visaAdmin.none')}
        </Text>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('visaAdmin.more')}
        </Button>
      )}
      <Modal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('visaAdmin.rejectTitle', { name: rejecting?.fullName ?? '' })}
        closeButtonProps={{ 'aria-label': t('registrationsAdmin.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const v = rejecting;
            setRejecting(null);
            if (v) void decide(v, false, reason.trim());
            setReason('');
          }}
        >
          <Textarea
            label={t('visaAdmin.reason')}
            description={t('visaAdmin.reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value.replace(/[\r\n]+/g, ' '))}
            maxLength={500}
            required
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setRejecting(null)}>
              {t('registrationsAdmin.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={reason.trim() === ''}>
              {t('visaAdmin.reject')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Stack>
  );
}
