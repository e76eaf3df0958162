import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The organisers' dashboard: how the forum stands, at a glance. */
export function DashboardPage(_props: { eventId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
    </Stack>
  );
}
