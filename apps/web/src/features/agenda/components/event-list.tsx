import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { QueryState } from '@/components/query-state';
import { intlLocale } from '@/lib/i18n';
import { formatDate } from '@/lib/time';
import { localized, useEvents } from '@/lib/events';

export function EventList() {
  const { t, i18n } = useTranslation();
  const events = useEvents();
  const locale = intlLocale(i18n.language);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('events.title')}
      </Title>
      <QueryState query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t('events.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {data.items.map((event) => {
                const texts = localized(event, i18n.language);
                return (
                  <Card key={event.id} withBorder component="article">
                    <Title order={2} size="h4">
                      {texts.name}
                    </Title>
                    <Text size="sm" c="dark.4">
                      {formatDate(event.startsAt, event.timeZone, locale)} · {event.city}
                    </Text>
                    {texts.theme && <Text size="sm">{texts.theme}</Text>}
                    <AnchorLink to="/events/$eventId" params={{ eventId: event.id }} mt="xs">
                      {t('events.open')}
                    </AnchorLink>
                  </Card>
                );
              })}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
