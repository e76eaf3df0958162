import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { deviceTimeZone, formatDateTime } from '@/lib/time';
import { useInvitations, useResend, type Invitation, type InvitationStatus } from '../api/invitations';

const COLORS: Record<InvitationStatus, string> = { pending: 'blue', registered: 'green', expired: 'gray' };

/** Every invitation with where it stands (waiting, registered, expired), how often it was mailed, and resend. */
export function InvitationList(props: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<InvitationStatus | 'all'>('all');
  const list = useInvitations(props.eventId, status === 'all' ? undefined : status);
  const resend = useResend(props.eventId);
  const [resent, setResent] = useState<{ email: string; error: unknown } | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const locale = intlLocale(i18n.language);
  const zone = deviceTimeZone();
  const doResend = async (invitation: Invitation) => {
    try {
      await resend.mutateAsync(invitation.id);
      setResent({ email: invitation.email, error: null });
    } catch (error) {
      setResent({ email: invitation.email, error });
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invitations-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="invitations-title">
            {t('invitationsAdmin.listTitle')}
          </Title>
          <SegmentedControl
            aria-label={t('invitationsAdmin.filter')}
            value={status}
            onChange={(v) => setStatus(v)}
            data={(['all', 'pending', 'registered', 'expired'] as const).map((s) => ({
              value: s,
              label: t(`invitationsAdmin.statuses.${s}`),
            }))}
          />
        </Group>
        <Text size="sm" data-testid="invitations-total">
          {t('invitationsAdmin.total', { count: total })}
        </Text>
        {resent && (
          <Alert
            color={resent.error ? 'red' : 'green'}
            role={resent.error ? 'alert' : 'status'}
            data-testid="resend-result"
            withCloseButton
            closeButtonLabel={t('registrationsAdmin.close')}
            onClose={() => setResent(null)}
          >
            {resent.error
              ? `${resent.email}: ${errorMessage(resent.error, t)}`
              : t('invitationsAdmin.resent', { email: resent.email })}
          </Alert>
        )}
        {list.error && (
          <Alert color="red" role="alert">
            {errorMessage(list.error, t)}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={680}>
          <Table striped aria-label={t('invitationsAdmin.listTitle')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invitationsAdmin.email')}</Table.Th>
                <Table.Th>{t('invitationsAdmin.name')}</Table.Th>
                <Table.Th>{t('invitationsAdmin.company')}</Table.Th>
                <Table.Th>{t('invitationsAdmin.status')}</Table.Th>
                <Table.Th>{t('invitationsAdmin.sent')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('invitationsAdmin.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid="invitation-row">
                  <Table.Td style={{ wordBreak: 'break-all' }}>{i.email}</Table.Td>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.company ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[i.status]} variant="light" autoContrast>
                      {t(`invitationsAdmin.statuses.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {t('invitationsAdmin.sentTimes', { count: i.sentCount })}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(i.lastSentAt ?? i.createdAt, zone, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.status !== 'registered' && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => void doResend(i)}
                        loading={resend.isPending && resend.variables === i.id}
                        aria-label={t('invitationsAdmin.resendTo', { email: i.email })}
                      >
                        {t('invitationsAdmin.resend')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('invitationsAdmin.none')}
          </Text>
        )}
        {list.hasNextPage && (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('invitationsAdmin.more')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
