import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/client';
import { useEvent } from '@/lib/events';
import { useSession } from '@/lib/session';
import { useOrganisers, useUpdateEvent } from '../api/organisers';
import { EventForm, formFromEvent } from './event-form';
import { OrganisersPanel } from './organisers-panel';
import { StatusPanel } from './status-panel';

/** Edit the event, move it through its statuses, and manage who organises it. Organisers only. */
export function EventSettingsPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const event = useEvent(props.eventId);
  const organisers = useOrganisers(props.eventId, session?.user.id);
  const update = useUpdateEvent(props.eventId);
  const refused = [event.error, organisers.error].some(
    (e) => e instanceof ApiError && (e.status === 403 || e.status === 404),
  );
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('eventForm.settingsTitle')}
      </Title>
      {refused ? (
        <Alert color="red" role="alert" data-testid="organiser-refused">
          {t('organiser.refused')}
        </Alert>
      ) : (
        <QueryState query={event}>
          {(data) => (
            <>
              <StatusPanel event={data} />
              <EventForm
                // a fresh form when another event, or a newer version of this one, is loaded
                key={`${data.id}:${data.status}`}
                initial={formFromEvent(data)}
                submitLabel={t('eventForm.save')}
                pending={update.isPending}
                error={update.error}
                saved={update.isSuccess}
                onSubmit={(input) => update.mutate(input)}
              />
              <OrganisersPanel eventId={data.id} />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
