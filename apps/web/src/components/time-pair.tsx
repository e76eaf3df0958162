import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import { formatTime, sameOffset, zoneLabel } from '@/lib/time';

/**
 * An instant (or a span) in the event's time, large, with the viewer's own
 * time beside it; when the two zones agree at that instant, one line says so.
 */
export function TimePair(props: {
  start: string;
  end?: string;
  eventZone: string;
  viewerZone: string;
  size?: 'lg' | 'md';
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const span = (zone: string) =>
    props.end
      ? `${formatTime(props.start, zone, locale)}–${formatTime(props.end, zone, locale)}`
      : formatTime(props.start, zone, locale);
  const same = sameOffset(props.start, props.eventZone, props.viewerZone);
  return (
    <Stack gap={0}>
      <Text
        fw={700}
        size={props.size ?? 'lg'}
        ff="monospace"
        aria-label={t('agenda.eventTime', { zone: props.eventZone })}
      >
        {span(props.eventZone)}{' '}
        <Text span size="xs" c="dark.4" ff="text">
          {zoneLabel(props.start, props.eventZone, locale)}
        </Text>
      </Text>
      {!same && (
        <Group gap={4}>
          <Text size="sm" c="dark.4" ff="monospace" aria-label={t('agenda.yourTime', { zone: props.viewerZone })}>
            {span(props.viewerZone)}
          </Text>
          <Text size="xs" c="dark.4">
            {zoneLabel(props.start, props.viewerZone, locale)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
