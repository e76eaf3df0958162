import { Alert, Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useEvent } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import { formatDateTime } from '@/lib/time';
import {
  useMail,
  useMailFacets,
  useRetryMail,
  type MailFilters,
  type MailStatus,
  type Notification,
} from '../api/mail';

const STATUS_COLOR: Record<MailStatus, string> = {
  pending: 'blue',
  queued: 'cyan',
  sent: 'green',
  failed: 'red',
  cancelled: 'gray',
};
const ALL = 'all';

/** A mail type's name in the reader's language; a type this screen has no name for shows as its key. */
function mailTypeName(t: TFunction, type: string): string {
  return t(`mail.types.${type}`, { defaultValue: type });
}

/** The event's mail: what went to whom, what waits, what failed and why; filter by status and type; retry. */
export function MailPage(props: {
  eventId: string;
  filters: MailFilters;
  onFiltersChange: (filters: MailFilters) => void;
}) {
  const { t } = useTranslation();
  const facets = useMailFacets(props.eventId);
  const mail = useMail(props.eventId, props.filters);
  const retry = useRetryMail(props.eventId);
  const [retried, setRetried] = useState<Notification | null>(null);
  const event = useEvent(props.eventId);
  const refused = [facets.error, mail.error].find((e) => e instanceof ApiError && [403, 404].includes(e.status));
  if (refused) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('mail.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="mail-refused">
          {t('mail.refused')}
        </Alert>
      </Stack>
    );
  }
  const zone = event.data?.timeZone ?? 'UTC';
  const count = (status: MailStatus) => facets.data?.byStatus.find((s) => s.key === status)?.count ?? 0;
  const doRetry = async (n: Notification) => {
    setRetried(null);
    try {
      setRetried(await retry.mutateAsync(n.id));
    } catch {
      // said below from the mutation's error
    }
  };
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('mail.title')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Text size="sm" fw={500} mb={4} id="mail-status-label">
            {t('mail.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="mail-status-label"
            value={props.filters.status ?? ALL}
            onChange={(v) => props.onFiltersChange({ ...props.filters, status: v === ALL ? undefined : v })}
            data={[
              { value: ALL, label: t('mail.all') },
              ...(['failed', 'pending', 'queued', 'sent', 'cancelled'] as const).map((s) => ({
                value: s,
                label: `${t(`mail.statuses.${s}`)} (${count(s)})`,
              })),
            ]}
            data-testid="mail-status"
          />
        </div>
        <Select
          label={t('mail.type')}
          value={props.filters.type ?? ALL}
          onChange={(v) => props.onFiltersChange({ ...props.filters, type: !v || v === ALL ? undefined : v })}
          data={[
            { value: ALL, label: t('mail.allTypes') },
            ...(facets.data?.byType ?? []).map((f) => ({
              value: f.key,
              label: `${mailTypeName(t, f.key)} (${f.count})`,
            })),
            ...(props.filters.type && !facets.data?.byType.some((f) => f.key === props.filters.type)
              ? [{ value: props.filters.type, label: mailTypeName(t, props.filters.type) }]
              : []),
          ]}
          allowDeselect={false}
          w={280}
          maw="100%"
          data-testid="mail-type"
        />
      </Group>
      {retried && (
        <Alert color="green" role="status" data-testid="mail-retried">
          {t('mail.retried', { email: retried.recipientEmail })}
        </Alert>
      )}
      {retry.error && (
        <Alert color="red" role="alert" data-testid="mail-retry-error">
          {retry.error instanceof ApiError && retry.error.status === 409
            ? t('mail.notFailed')
            : errorMessage(retry.error, t)}
        </Alert>
      )}
      <QueryState query={{ data: mail.data, error: mail.error, isPending: mail.isPending }}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          return items.length === 0 ? (
            <Text c="dimmed" data-testid="mail-empty">
              {t('mail.none')}
            </Text>
          ) : (
            <MailTable items={items} zone={zone} onRetry={(n) => void doRetry(n)} retrying={retry.variables} />
          );
        }}
      </QueryState>
      {mail.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void mail.fetchNextPage()}>
          {t('mail.more')}
        </Button>
      )}
    </Stack>
  );
}

function MailTable(props: {
  items: Notification[];
  zone: string;
  onRetry: (n: Notification) => void;
  retrying: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="mail-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mail.col.recipient')}</Table.Th>
            <Table.Th>{t('mail.col.type')}</Table.Th>
            <Table.Th>{t('mail.col.status')}</Table.Th>
            <Table.Th>{t('mail.col.when', { zone: props.zone })}</Table.Th>
            <Table.Th>{t('mail.col.error')}</Table.Th>
            <Table.Th>{t('mail.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((n) => (
            <Table.Tr key={n.id} data-testid="mail-row">
              <Table.Td>
                <Text size="sm">{n.recipientName}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {n.recipientEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{mailTypeName(t, n.type)}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={STATUS_COLOR[n.status]} variant="light" styles={{ label: { overflow: 'visible' } }}>
                  {t(`mail.statuses.${n.status}`)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('mail.attempts', { n: n.attempts })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {n.sentAt
                    ? t('mail.sentAt', { time: formatDateTime(n.sentAt, props.zone, locale) })
                    : t('mail.dueAt', { time: formatDateTime(n.dueAt, props.zone, locale) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {n.lastError ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {n.status === 'failed' && (
                  <Button
                    size="xs"
                    variant="light"
                    loading={props.retrying === n.id}
                    onClick={() => props.onRetry(n)}
                    aria-label={t('mail.retryOne', { email: n.recipientEmail })}
                  >
                    {t('mail.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
