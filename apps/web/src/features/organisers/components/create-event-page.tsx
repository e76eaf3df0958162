import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCreateEvent } from '../api/organisers';
import { EventForm, emptyForm } from './event-form';

/** A new forum, saved as a draft only its organisers see; publishing comes later, from its settings. */
export function CreateEventPage(props: { onCreated: (eventId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateEvent();
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('eventForm.createTitle')}
      </Title>
      <Text size="sm" c="dark.4">
        {t('eventForm.createIntro')}
      </Text>
      <EventForm
        initial={emptyForm()}
        submitLabel={t('eventForm.create')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (event) => props.onCreated(event.id) })}
      />
    </Stack>
  );
}
