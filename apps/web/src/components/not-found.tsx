import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>404</Title>
      <Text>{t('app.notFound')}</Text>
      <AnchorLink to="/">{t('app.back')}</AnchorLink>
    </Stack>
  );
}
