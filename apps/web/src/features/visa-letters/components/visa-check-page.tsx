import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { formatDate } from '@/lib/time';
import { useVisaCheck } from '../api/visa-letters';
import { calendarDate } from '../model/dates';

/**
 * Where a visa letter's QR code leads: a consulate (or anyone holding the letter) sees whether it is
 * genuine and still stands, with just enough to match it to the letter in hand.
 */
export function VisaCheckPage(props: { reference: string }) {
  const { t, i18n } = useTranslation();
  const check = useVisaCheck(props.reference);
  const locale = intlLocale(i18n.language);
  return (
    <Stack gap="md" maw={720}>
      <Title order={1} size="h2">
        {t('visaCheck.title')}
      </Title>
      <Text size="sm" ff="monospace">
        {t('visaCheck.reference', { reference: props.reference })}
      </Text>
      {check.isPending && <Text role="status">{t('app.loading')}</Text>}
      {check.error && (
        <Alert color="red" role="alert" data-testid="visa-check-result" title={t('visaCheck.notFoundTitle')}>
          {check.error instanceof ApiError && check.error.status === 404
            ? t('visaCheck.notFound')
            : errorMessage(check.error, t)}
        </Alert>
      )}
      {check.data && (
        <>
          <Alert
            color={check.data.status === 'valid' ? 'green' : 'red'}
            role="status"
            data-testid="visa-check-result"
            data-status={check.data.status}
            title={t(`visaCheck.${check.data.status}Title`)}
          >
            {t(`visaCheck.${check.data.status}`)}
          </Alert>
          <Paper withBorder p="md">
            <Table variant="vertical" layout="fixed" aria-label={t('visaCheck.details')}>
              <Table.Tbody>
                {[
                  [t('visaCheck.name'), check.data.fullName],
                  [t('visaCheck.passport'), t('visaAdmin.endsWith', { digits: check.data.passportLast4 })],
                  [
                    t('visaCheck.stay'),
                    `${calendarDate(check.data.entryOn, locale)} – ${calendarDate(check.data.exitOn, locale)}`,
                  ],
                  [t('visaCheck.event'), [check.data.eventName, check.data.city].filter(Boolean).join(', ')],
                  [
                    t('visaCheck.eventDates'),
                    `${formatDate(check.data.eventStartsAt, check.data.eventTimeZone, locale)} – ${formatDate(check.data.eventEndsAt, check.data.eventTimeZone, locale)}`,
                  ],
                  [t('visaCheck.issued'), formatDate(check.data.issuedAt, check.data.eventTimeZone, locale)],
                ].map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={{ base: 120, sm: 200 }}>{label}</Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Text size="xs" c="dimmed">
            {t('visaCheck.privacy')}
          </Text>
        </>
      )}
    </Stack>
  );
}
