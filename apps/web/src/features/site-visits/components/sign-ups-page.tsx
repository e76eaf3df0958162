import { Badge, Card, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { QueryState } from '@/components/query-state';
import { intlLocale } from '@/lib/i18n';
import { formatDateTime, zoneLabel } from '@/lib/time';
import { useSignUps, type SignUpRow } from '../api/site-visits';

/** Organisers: who is going on a site visit, who waits (in order), who cancelled. */
export function SignUpsPage(props: { eventId: string; sessionId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const list = useSignUps(props.eventId, props.sessionId);
  const locale = intlLocale(i18n.language);
  const status = (row: SignUpRow) =>
    row.status === 'confirmed' ? (
      <Badge color="teal" c="dark.8" variant="light">
        {t('visits.rowConfirmed')}
      </Badge>
    ) : row.status === 'waitlisted' ? (
      <Badge color="orange" c="dark.8" variant="light">
        {t('visits.rowWaitlisted', { position: row.waitlistPosition })}
      </Badge>
    ) : (
      <Badge color="gray" c="dark.8" variant="light">
        {t('visits.cancelled')}
      </Badge>
    );
  return (
    <Stack gap="md">
      <AnchorLink to="/events/$eventId" params={{ eventId: props.eventId }} search={{}} size="sm">
        {t('visits.backToAgenda')}
      </AnchorLink>
      <QueryState query={list}>
        {(data) => (
          <Stack gap="md">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {t('visits.listTitle', { title: data.title })}
              </Title>
              <Group gap="md">
                <Text data-testid="sign-up-summary">
                  {t('visits.summary', {
                    confirmed: data.confirmed,
                    capacity: data.capacity,
                    waiting: data.waitlisted,
                  })}
                </Text>
              </Group>
            </Stack>
            {data.items.length === 0 ? (
              <Text c="dark.4" data-testid="no-sign-ups">
                {t('visits.noSignUps')}
              </Text>
            ) : (
              <>
                {/* phones: one card per sign-up, nothing to scroll sideways */}
                <Stack
                  gap="xs"
                  hiddenFrom="sm"
                  component="ol"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  data-testid="sign-up-cards"
                >
                  {data.items.map((row, i) => (
                    <Card key={row.id} withBorder padding="xs" component="li">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Text size="sm" fw={500}>
                          {i + 1}. {row.name}
                        </Text>
                        {status(row)}
                      </Group>
                      <Text size="xs" c="dark.4" style={{ overflowWrap: 'anywhere' }}>
                        {[row.companyName, row.email].filter(Boolean).join(' · ')}
                      </Text>
                      <Text size="xs" c="dark.4">
                        {t('visits.signedUpAt')}: {formatDateTime(row.signedUpAt, props.timeZone, locale)}{' '}
                        {zoneLabel(row.signedUpAt, props.timeZone, locale)}
                      </Text>
                    </Card>
                  ))}
                </Stack>
                <ScrollArea type="auto" visibleFrom="sm">
                  <Table striped withTableBorder miw={560} data-testid="sign-ups">
                    <Table.Caption>{t('visits.caption', { zone: props.timeZone })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">#</Table.Th>
                        <Table.Th scope="col">{t('visits.name')}</Table.Th>
                        <Table.Th scope="col">{t('visits.company')}</Table.Th>
                        <Table.Th scope="col">{t('visits.status')}</Table.Th>
                        <Table.Th scope="col">{t('visits.signedUpAt')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((row, i) => (
                        <Table.Tr key={row.id}>
                          <Table.Td>{i + 1}</Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {row.name}
                            </Text>
                            <Text size="xs" c="dark.4">
                              {row.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>{row.companyName ?? '—'}</Table.Td>
                          <Table.Td>{status(row)}</Table.Td>
                          <Table.Td>
                            {formatDateTime(row.signedUpAt, props.timeZone, locale)}{' '}
                            {zoneLabel(row.signedUpAt, props.timeZone, locale)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
