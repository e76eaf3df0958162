import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { useSession } from '@/lib/session';
import { useInviteOrganiser, useOrganisers, useRemoveOrganiser } from '../api/organisers';

/** The organiser team: who is in it, invite someone by e-mail (they join by accepting), remove someone. */
export function OrganisersPanel(props: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const organisers = useOrganisers(props.eventId, session?.user.id);
  const invite = useInviteOrganiser(props.eventId);
  const remove = useRemoveOrganiser(props.eventId);
  const [email, setEmail] = useState('');
  const [invited, setInvited] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    invite.mutate(address, {
      onSuccess: () => {
        setInvited(address);
        setEmail('');
      },
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="organisers-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="organisers-title">
          {t('eventForm.organisers')}
        </Title>
        <QueryState query={organisers}>
          {(data) => (
            <Table.ScrollContainer minWidth={320}>
              <Table data-testid="organisers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('eventForm.organiserName')}</Table.Th>
                    <Table.Th>{t('eventForm.organiserEmail')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('eventForm.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((o) => (
                    <Table.Tr key={o.userId}>
                      <Table.Td>{o.name}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{o.email}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          disabled={data.items.length < 2}
                          loading={remove.isPending && remove.variables === o.userId}
                          aria-label={t('eventForm.removeOrganiser', { name: o.name })}
                          onClick={() => {
                            if (window.confirm(t('eventForm.removeOrganiserConfirm', { name: o.name })))
                              remove.mutate(o.userId);
                          }}
                        >
                          {t('eventForm.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
        {remove.error != null && (
          <Alert color="red" role="alert">
            {errorMessage(remove.error, t)}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="end" gap="sm" wrap="wrap">
            <TextInput
              type="email"
              label={t('eventForm.inviteEmail')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={invite.isPending}>
              {t('eventForm.invite')}
            </Button>
          </Group>
        </form>
        <Text size="xs" c="dark.4">
          {t('eventForm.inviteHelp')}
        </Text>
        {invite.error != null && (
          <Alert color="red" role="alert">
            {errorMessage(invite.error, t)}
          </Alert>
        )}
        {invited && !invite.error && (
          <Alert color="green" role="status" data-testid="invite-sent">
            {t('eventForm.invited', { email: invited })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
