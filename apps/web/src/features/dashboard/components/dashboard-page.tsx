import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { QueryState } from '@/components/query-state';
import { ApiError } from '@/lib/client';
import { intlLocale } from '@/lib/i18n';
import { countryName } from '@/lib/names';
import { useViewerTimeZone } from '@/lib/session';
import { formatDateTime } from '@/lib/time';
import { useDashboard, type Dashboard } from '../api/dashboard';

/** The organisers' dashboard: how the forum stands, at a glance; bars where the shape matters more than the digits. */
export function DashboardPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const dashboard = useDashboard(props.eventId);
  const refused =
    dashboard.error instanceof ApiError && (dashboard.error.status === 403 || dashboard.error.status === 404);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('dashboard.title')}
      </Title>
      {refused ? (
        <Alert color="red" role="alert" data-testid="organiser-refused">
          {t('organiser.refused')}
        </Alert>
      ) : (
        <QueryState query={dashboard}>{(data) => <Body data={data} />}</QueryState>
      )}
    </Stack>
  );
}

function Body({ data }: { data: Dashboard }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const zone = useViewerTimeZone();
  const n = (value: number) => value.toLocaleString(locale);
  const approved = data.registrations.byStatus.find((s) => s.key === 'approved')?.count ?? 0;
  const { meetings, mail, agreements } = data;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Figure label={t('dashboard.registrations')} value={n(data.registrations.total)} testId="fig-registrations">
          {t('dashboard.approvedOf', { approved: n(approved) })}
        </Figure>
        <Figure label={t('dashboard.meetingsPlaced')} value={n(meetings.placed)} testId="fig-placed">
          {t('dashboard.requestsUnplaced', { requests: n(meetings.requests), unplaced: n(meetings.unplaced) })}
        </Figure>
        <Figure label={t('dashboard.mailSent')} value={n(mail.sent)} testId="fig-mail">
          <span data-testid="mail-line">
            {t('dashboard.mailLine', {
              waiting: n(mail.waiting),
              failed: n(mail.failed),
              scheduled: n(mail.scheduled),
            })}
          </span>
          {mail.oldestWaitingSince && (
            <>
              <br />
              {t('dashboard.oldestWaiting', { when: formatDateTime(mail.oldestWaitingSince, zone, locale) })}
            </>
          )}
        </Figure>
        <Figure label={t('dashboard.agreements')} value={n(agreements.count)} testId="fig-agreements">
          {agreements.byCurrency.length === 0
            ? t('dashboard.noValue')
            : agreements.byCurrency
                .map((c) =>
                  c.total === null
                    ? t('dashboard.withoutValue', { count: c.count })
                    : new Intl.NumberFormat(locale, { style: 'currency', currency: c.currency }).format(
                        Number(c.total),
                      ),
                )
                .join(' · ')}
        </Figure>
      </SimpleGrid>
      {mail.failed > 0 && (
        <Alert color="orange" role="status">
          {t('dashboard.failedHint', { count: mail.failed })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <BarChart
          title={t('dashboard.byStatus')}
          empty={t('dashboard.none')}
          bars={data.registrations.byStatus.map((c) => ({
            key: c.key,
            label: t(`registration.statuses.${c.key}`, { defaultValue: c.key }),
            count: c.count,
          }))}
          testId="bars-status"
        />
        <BarChart
          title={t('dashboard.byCountry')}
          empty={t('dashboard.none')}
          bars={data.registrations.byCountry.map((c) => ({
            key: c.key,
            label: countryName(c.key, i18n.language),
            count: c.count,
          }))}
          testId="bars-country"
        />
        <BarChart
          title={t('dashboard.bySector')}
          empty={t('dashboard.none')}
          bars={data.registrations.bySector.map((c) => ({
            key: c.key,
            label: t(`sectors.${c.key}`, { defaultValue: c.key }),
            count: c.count,
          }))}
          testId="bars-sector"
        />
        <BarChart
          title={t('dashboard.unplacedByReason')}
          empty={t('dashboard.allPlaced')}
          bars={meetings.unplacedByReason.map((c) => ({
            key: c.key,
            label: t(`b2b.reasons.${c.key}`, { defaultValue: c.key }),
            count: c.count,
          }))}
          testId="bars-unplaced"
        />
        <BarChart
          title={t('dashboard.requestsByStatus')}
          empty={t('dashboard.none')}
          bars={meetings.requestsByStatus.map((c) => ({
            key: c.key,
            label: t(`dashboard.requestStatus.${c.key}`, { defaultValue: c.key }),
            count: c.count,
          }))}
          testId="bars-requests"
        />
        <BarChart
          title={t('dashboard.agreementsByCurrency')}
          empty={t('dashboard.none')}
          bars={agreements.byCurrency.map((c) => ({
            key: c.currency,
            label: c.currency === 'none' ? t('dashboard.noCurrency') : c.currency,
            count: c.count,
          }))}
          testId="bars-currency"
        />
      </SimpleGrid>
      <Text size="xs" c="dark.4">
        {t('dashboard.asOf', { when: formatDateTime(data.generatedAt, zone, locale) })}
      </Text>
    </Stack>
  );
}

function Figure(props: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={props.testId}>
      <Text size="sm" c="dark.4">
        {props.label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} data-testid={`${props.testId}-value`}>
        {props.value}
      </Text>
      {props.children && (
        <Text size="sm" mt={4}>
          {props.children}
        </Text>
      )}
    </Paper>
  );
}
