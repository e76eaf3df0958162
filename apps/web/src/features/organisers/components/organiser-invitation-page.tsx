import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { errorMessage } from '@/lib/errors';
import { localized, useEvent } from '@/lib/events';
import { useSession } from '@/lib/session';
import { useAcceptOrganiserInvitation } from '../api/organisers';

/**
 * Where the co-organiser invitation mail lands. Accepting is a deliberate
 * click (a mail scanner that follows links must not accept on someone's behalf).
 */
export function OrganiserInvitationPage(props: { eventId: string; token?: string; onSwitchAccount: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  // A draft event is readable only by its organisers: before accepting, its name may be unknown.
  const event = useEvent(props.eventId);
  const accept = useAcceptOrganiserInvitation(props.eventId);
  const eventName = event.data ? localized(event.data, i18n.language).name : null;

  return (
    <Paper withBorder p="lg" maw={560} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('account.organiserTitle')}
        </Title>
        <Text>
          {eventName ? t('account.organiserIntro', { event: eventName }) : t('account.organiserIntroUnknown')}
        </Text>
        {!props.token ? (
          <Alert color="red" role="alert">
            {t('account.noToken')}
          </Alert>
        ) : accept.isSuccess ? (
          <>
            <Alert color="green" role="status">
              {t('account.organiserAccepted')}
            </Alert>
            <ButtonLink to="/events/$eventId" params={{ eventId: props.eventId }} search={{}}>
              {t('account.openEvent')}
            </ButtonLink>
          </>
        ) : (
          <>
            <Text size="sm">{t('account.organiserSignedInAs', { email: session?.user.email ?? '' })}</Text>
            {accept.error && (
              <Alert color="red" role="alert">
                {errorMessage(accept.error, t)}
              </Alert>
            )}
            <Button onClick={() => props.token && accept.mutate(props.token)} loading={accept.isPending}>
              {t('account.acceptInvitation')}
            </Button>
            <Anchor component="button" type="button" size="sm" ta="left" onClick={props.onSwitchAccount}>
              {t('account.logInOther')}
            </Anchor>
          </>
        )}
      </Stack>
    </Paper>
  );
}
