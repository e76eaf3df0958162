import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { getToken } from '@/lib/session';
import { formatDateTime } from '@/lib/time';
import { useAdminEvents, useSetTrusted } from '../api/admin';

/** The queue dashboard (bull-board, apps/api queue-dashboard.ts) takes the bearer token once as ?token=. */
const QUEUES_PATH = '/admin/queues';

/** Platform admins: every event on the platform, its trust for invitation volume, and the queues. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const events = useAdminEvents();
  const setTrusted = useSetTrusted();
  const refused = events.error instanceof ApiError && (events.error.status === 403 || events.error.status === 401);
  if (refused) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('admin.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="admin-refused">
          {t('admin.refused')}
        </Alert>
      </Stack>
    );
  }
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('admin.title')}
        </Title>
        <Anchor
          href={`${QUEUES_PATH}?token=${encodeURIComponent(getToken() ?? '')}`}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="queues-link"
        >
          {t('admin.queues')}
        </Anchor>
      </Group>
      <Text size="sm">{t('admin.intro')}</Text>
      {events.error != null && (
        <Alert color="red" role="alert">
          {errorMessage(events.error, t)}
        </Alert>
      )}
      {setTrusted.error != null && (
        <Alert color="red" role="alert">
          {errorMessage(setTrusted.error, t)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="admin-events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.event')}</Table.Th>
              <Table.Th>{t('admin.status')}</Table.Th>
              <Table.Th>{t('admin.starts')}</Table.Th>
              <Table.Th>{t('admin.trusted')}</Table.Th>
              <Table.Th>{t('admin.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id} data-event={e.id}>
                <Table.Td>
                  <AnchorLink to="/events/$eventId/manage" params={{ eventId: e.id }}>
                    {e.name}
                  </AnchorLink>
                  <Text size="xs" c="dark.4">
                    {e.slug}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`organiser.status.${e.status}`)}</Table.Td>
                <Table.Td>{formatDateTime(e.startsAt, 'UTC', locale)} UTC</Table.Td>
                <Table.Td>
                  <Badge color={e.trusted ? 'green' : 'gray'} variant="light" data-testid="trusted">
                    {e.trusted ? t('admin.yes') : t('admin.no')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant={e.trusted ? 'default' : 'filled'}
                    loading={setTrusted.isPending && setTrusted.variables.eventId === e.id}
                    onClick={() => setTrusted.mutate({ eventId: e.id, trusted: !e.trusted })}
                    aria-label={t(e.trusted ? 'admin.untrustEvent' : 'admin.trustEvent', { name: e.name })}
                  >
                    {e.trusted ? t('admin.untrust') : t('admin.trust')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {events.isPending && <Text size="sm">{t('app.loading')}</Text>}
      {events.hasNextPage && (
        <Group>
          <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('admin.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
