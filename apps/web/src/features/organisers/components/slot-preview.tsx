import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import { dayKey, formatDay, formatTime } from '@/lib/time';
import { previewSlots } from '@/lib/zoned';

/**
 * The B2B slot grid these settings make, redrawn as the organiser types: each day's slots in event time, and
 * how many meetings the tables can hold. Cut as the server cuts it (whole slots, the remainder dropped).
 */
export function SlotPreview(props: {
  slotMinutes: number;
  tables: number;
  windows: Array<{ date: string; start: string; end: string }>;
  zone: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const days = useMemo(() => {
    const slots = previewSlots({ slotMinutes: props.slotMinutes, windows: props.windows }, props.zone);
    const byDay = new Map<string, typeof slots>();
    for (const s of slots) {
      const day = dayKey(s.start, props.zone);
      byDay.set(day, [...(byDay.get(day) ?? []), s]);
    }
    return [...byDay];
  }, [props.slotMinutes, props.windows, props.zone]);
  const total = days.reduce((n, [, s]) => n + s.length, 0);

  return (
    <Paper withBorder p="sm" bg="gray.0" component="section" aria-labelledby="slot-preview-title">
      <Stack gap="xs">
        <Text id="slot-preview-title" fw={600} size="sm">
          {t('eventForm.preview')}
        </Text>
        <Text size="sm" aria-live="polite" data-testid="slot-summary">
          {total === 0
            ? t('eventForm.previewEmpty')
            : t('eventForm.previewSummary', {
                slots: total,
                days: days.length,
                tables: props.tables,
                meetings: total * props.tables,
              })}
        </Text>
        {days.map(([day, slots]) => (
          <Stack key={day} gap={4} data-testid="slot-day">
            <Text size="sm" fw={500}>
              {formatDay(day, locale)} · {t('eventForm.previewDay', { slots: slots.length })}
            </Text>
            <Group gap={4}>
              {slots.map((s) => (
                <Badge key={s.start} variant="outline" color="dark" radius="sm" fw={500} tt="none">
                  {formatTime(s.start, props.zone, locale)}–{formatTime(s.end, props.zone, locale)}
                </Badge>
              ))}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
