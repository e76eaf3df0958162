import { Alert, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { useMyRegistration } from '@/lib/my-registration';
import { formatDateTime } from '@/lib/time';
import { useViewerTimeZone } from '@/lib/session';
import { useRequestAction, useRequests, type MeetingRequest, type Party } from '../api/meetings';

const STATUS_COLOR: Record<string, string> = {
  pending: 'blue',
  accepted: 'green',
  declined: 'gray',
  cancelled: 'gray',
  expired: 'gray',
};

/** Requests I received and sent for one event, with what I can do about each. */
export function RequestsPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const own = useMyRegistration(props.eventId);
  const requests = useRequests(props.eventId);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('inbox.title')}
      </Title>
      <QueryState query={requests}>
        {(page) => {
          const ownId = own.data?.id;
          const incoming = page.items.filter((r) => r.toRegistrationId === ownId);
          const outgoing = page.items.filter((r) => r.fromRegistrationId === ownId);
          return (
            <Tabs defaultValue="incoming" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="incoming">{t('inbox.incoming', { count: incoming.length })}</Tabs.Tab>
                <Tabs.Tab value="outgoing">{t('inbox.outgoing', { count: outgoing.length })}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="incoming" pt="md">
                <RequestList eventId={props.eventId} items={incoming} side="incoming" />
              </Tabs.Panel>
              <Tabs.Panel value="outgoing" pt="md">
                <RequestList eventId={props.eventId} items={outgoing} side="outgoing" />
              </Tabs.Panel>
            </Tabs>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function RequestList(props: { eventId: string; items: MeetingRequest[]; side: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  if (props.items.length === 0) {
    return (
      <Alert color="gray" role="status">
        {t('inbox.empty')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {props.items.map((request) => (
        <RequestCard key={request.id} eventId={props.eventId} request={request} side={props.side} />
      ))}
    </Stack>
  );
}

function partyTitle(party: Party | null, language: string, unknown: string): string {
  if (!party) return unknown;
  const company =
    (language === 'zh' && party.companyNames?.zh) || (language === 'ru' && party.companyNames?.ru) || party.company;
  return company ? `${party.name} · ${company}` : party.name;
}

function RequestCard(props: { eventId: string; request: MeetingRequest; side: 'incoming' | 'outgoing' }) {
  const { t, i18n } = useTranslation();
  const action = useRequestAction(props.eventId);
  const viewerZone = useViewerTimeZone();
  const locale = intlLocale(i18n.language);
  const { request } = props;
  const other = props.side === 'incoming' ? request.from : request.to;
  const title = partyTitle(other, i18n.language, t('inbox.someone'));
  const run = (kind: 'accept' | 'decline' | 'cancel') => action.mutate({ requestId: request.id, action: kind });
  const unplaced = request.status === 'accepted' && request.unscheduledReason;
  return (
    <Card withBorder padding="md" component="article" aria-label={title} data-testid="request">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
          <Badge color={STATUS_COLOR[request.status] ?? 'gray'} variant="light" data-testid="request-status">
            {t(`inbox.statuses.${request.status}`, { defaultValue: request.status })}
          </Badge>
        </Group>
        {request.message && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{request.message}”
          </Text>
        )}
        {request.status === 'pending' && (
          <Text size="xs" c="dark.4">
            {t('inbox.expires', { when: formatDateTime(request.expiresAt, viewerZone, locale) })}
          </Text>
        )}
        {unplaced && (
          <Alert color="orange" role="note" data-testid="unplaced-reason">
            {t(`inbox.reasons.${request.unscheduledReason}`, { defaultValue: t('inbox.reasons.UNKNOWN') })}
          </Alert>
        )}
        {request.status === 'accepted' && !unplaced && (
          <Text size="sm" c="dark.5">
            {t('inbox.inSchedule')}
          </Text>
        )}
        {action.error && (
          <Alert color="red" role="alert">
            {errorMessage(action.error, t)}
          </Alert>
        )}
        <Group gap="xs">
          {props.side === 'incoming' && request.status === 'pending' && (
            <>
              <Button size="sm" onClick={() => run('accept')} loading={action.isPending}>
                {t('inbox.accept')}
              </Button>
              <Button size="sm" variant="default" onClick={() => run('decline')} disabled={action.isPending}>
                {t('inbox.decline')}
              </Button>
            </>
          )}
          {props.side === 'outgoing' && request.status === 'pending' && (
            <Button size="sm" variant="default" onClick={() => run('cancel')} loading={action.isPending}>
              {t('inbox.withdraw')}
            </Button>
          )}
          {request.status === 'accepted' && (
            <Button size="sm" variant="default" color="red" onClick={() => run('cancel')} loading={action.isPending}>
              {t('inbox.cancelMeeting')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
