import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import { useInvitations } from '../api/invitations';
import { InvitationImport } from './invitation-import';
import { InvitationList } from './invitation-list';

/** The organisers' invitations: import a list (checked before sending, sent in pieces with progress), then each invitation's state. */
export function InvitationsPage(props: { eventId: string }) {
  const { t } = useTranslation();
  // the list answers first whether this person organises the event
  const probe = useInvitations(props.eventId, undefined);
  if (probe.error instanceof ApiError && (probe.error.status === 403 || probe.error.status === 404)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('invitationsAdmin.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="invitations-refused">
          {t('invitationsAdmin.refused')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('invitationsAdmin.title')}
      </Title>
      <InvitationImport eventId={props.eventId} />
      <InvitationList eventId={props.eventId} />
    </Stack>
  );
}
