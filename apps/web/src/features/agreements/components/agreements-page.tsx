import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/bar-chart';
import { QueryState } from '@/components/query-state';
import { Stat } from '@/components/stat';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useEvent } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import { dayKey, formatDateTime } from '@/lib/time';
import {
  downloadReportCsv,
  useAgreements,
  useLedger,
  useReport,
  useVerification,
  useWithdrawAgreement,
  type Agreement,
  type Report,
  type ReportGroup,
} from '../api/agreements';
import { AgreementForm } from './agreement-form';

/** An exact decimal string in its currency, in the reader's locale (Intl takes the string as it is: no float). */
export function money(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(
      amount as Intl.StringNumericLiteral,
    );
  } catch {
    return `${currency} ${amount}`;
  }
}

/**
 * The organisers' agreements: the ledger's verification state first, the report with its charts and CSV,
 * every agreement (record, amend, withdraw), and the ledger itself.
 */
export function AgreementsPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const agreements = useAgreements(props.eventId);
  const event = useEvent(props.eventId);
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<Agreement | null>(null);
  if (agreements.error instanceof ApiError && [403, 404].includes(agreements.error.status)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('agreements.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="agreements-refused">
          {t('agreements.refused')}
        </Alert>
      </Stack>
    );
  }
  const zone = event.data?.timeZone ?? 'UTC';
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('agreements.title')}
        </Title>
        <Button onClick={() => setEditing('new')} disabled={!event.data} data-testid="record-agreement">
          {t('agreements.record')}
        </Button>
      </Group>
      <Verification eventId={props.eventId} />
      <ReportPanel eventId={props.eventId} />
      <QueryState query={agreements}>
        {(data) => (
          <AgreementTable
            items={data.items}
            zone={zone}
            onAmend={(a) => setEditing(a)}
            onWithdraw={(a) => setWithdrawing(a)}
          />
        )}
      </QueryState>
      <Ledger eventId={props.eventId} />
      {editing && event.data && (
        <AgreementForm
          eventId={props.eventId}
          zone={zone}
          sectors={event.data.sectors}
          defaultDay={dayKey(event.data.startsAt, zone)}
          agreement={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {withdrawing && (
        <WithdrawDialog eventId={props.eventId} agreement={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </Stack>
  );
}

function Verification(props: { eventId: string }) {
  const { t } = useTranslation();
  const verify = useVerification(props.eventId);
  if (!verify.data) return null;
  const v = verify.data;
  return v.valid ? (
    <Alert color="green" role="status" data-testid="ledger-state" data-valid="true" title={t('agreements.verified')}>
      <Text size="sm">{t('agreements.verifiedDetail', { count: v.entriesChecked })}</Text>
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {t('agreements.headHash')} <Code>{v.headHash}</Code>
      </Text>
    </Alert>
  ) : (
    <Alert color="red" role="alert" data-testid="ledger-state" data-valid="false" title={t('agreements.broken')}>
      {t('agreements.brokenDetail', { seq: v.firstBroken?.seq ?? '?', message: v.firstBroken?.message ?? '' })}
    </Alert>
  );
}

function ReportPanel(props: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const report = useReport(props.eventId);
  const [csvError, setCsvError] = useState<unknown>(null);
  const locale = intlLocale(i18n.language);
  const totals = (group: { totals: Report['totals'] }) =>
    group.totals.map((x) => money(x.total, x.currency, locale)).join(' · ');
  const bars = (groups: ReportGroup[], label: (key: string) => string = (k) => k) =>
    groups.map((g) => ({ key: g.key, label: label(g.key), count: g.count, note: totals(g) }));
  return (
    <Paper withBorder p="md" data-testid="agreements-report">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {t('agreements.report.title')}
        </Title>
        <Button
          variant="light"
          onClick={() => {
            setCsvError(null);
            downloadReportCsv(props.eventId).catch(setCsvError);
          }}
          data-testid="report-csv"
        >
          {t('agreements.report.csv')}
        </Button>
      </Group>
      {csvError !== null && (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(csvError, t)}
        </Alert>
      )}
      <QueryState query={report}>
        {(r) => (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Stat label={t('agreements.report.agreements')} value={String(r.agreements)} testId="report-count" />
              <Stat label={t('agreements.report.withdrawn')} value={String(r.withdrawn)} />
              <Stat label={t('agreements.report.fromMeetings')} value={String(r.fromMeetings)} />
            </SimpleGrid>
            <Text data-testid="report-totals">
              {t('agreements.report.totals')}: {totals(r) || '—'}
            </Text>
            {r.agreements === 0 ? (
              <Text c="dimmed">{t('agreements.report.empty')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
                <BarChart
                  order={3}
                  empty={t('agreements.report.empty')}
                  title={t('agreements.report.bySector')}
                  bars={bars(r.bySector)}
                  testId="chart-sector"
                />
                <BarChart
                  order={3}
                  empty={t('agreements.report.empty')}
                  title={t('agreements.report.byCountryPair')}
                  bars={bars(r.byCountryPair)}
                  color="teal"
                  testId="chart-country"
                />
                <BarChart
                  order={3}
                  empty={t('agreements.report.empty')}
                  title={t('agreements.report.byKind')}
                  bars={bars(r.byKind, (k) => t(`agreements.kind.${k}`, { defaultValue: k }))}
                  color="grape"
                  testId="chart-kind"
                />
                <BarChart
                  order={3}
                  empty={t('agreements.report.empty')}
                  title={t('agreements.report.byCurrency')}
                  bars={bars(r.byCurrency)}
                  color="orange"
                  testId="chart-currency"
                />
              </SimpleGrid>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

function AgreementTable(props: {
  items: Agreement[];
  zone: string;
  onAmend: (a: Agreement) => void;
  onWithdraw: (a: Agreement) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('agreements.listTitle')}
      </Title>
      {props.items.length === 0 ? (
        <Text c="dimmed">{t('agreements.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="agreement-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreements.col.title')}</Table.Th>
                <Table.Th>{t('agreements.col.parties')}</Table.Th>
                <Table.Th>{t('agreements.col.value')}</Table.Th>
                <Table.Th>{t('agreements.col.signedAt', { zone: props.zone })}</Table.Th>
                <Table.Th>{t('agreements.col.status')}</Table.Th>
                <Table.Th>{t('agreements.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.items.map((a) => (
                <Table.Tr key={a.id} data-testid="agreement-row">
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {a.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[t(`agreements.kind.${a.kind}`), a.sector].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.parties.map((p, i) => (
                      <Text size="sm" key={i}>
                        {p.name} ({p.country})
                        {p.signatories.length > 0 && (
                          <Text span size="xs" c="dimmed">
                            {' — '}
                            {p.signatories.map((s) => [s.name, s.position].filter(Boolean).join(', ')).join('; ')}
                          </Text>
                        )}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.value ? money(a.value.amount, a.value.currency, locale) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(a.signedAt, props.zone, locale)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={a.status === 'active' ? 'green' : 'gray'}
                      variant="light"
                      styles={{ label: { overflow: 'visible' } }}
                    >
                      {t(`agreements.status.${a.status}`)}
                    </Badge>
                    {a.version > 1 && (
                      <Text size="xs" c="dimmed">
                        {t('agreements.version', { n: a.version })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.status === 'active' && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => props.onAmend(a)}
                          aria-label={t('agreements.amendOne', { title: a.title })}
                        >
                          {t('agreements.amend')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => props.onWithdraw(a)}
                          aria-label={t('agreements.withdrawOne', { title: a.title })}
                        >
                          {t('agreements.withdraw')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function WithdrawDialog(props: { eventId: string; agreement: Agreement; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawAgreement(props.eventId);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setProblem(t('agreements.form.required'));
      return;
    }
    try {
      await withdraw.mutateAsync({ agreementId: props.agreement.id, reason: reason.trim() });
      props.onClose();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={t('agreements.withdrawTitle', { title: props.agreement.title })}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('agreements.withdrawExplain')}</Text>
          <Textarea
            label={t('agreements.form.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problem}
            required
            maxLength={1000}
          />
          {withdraw.error && (
            <Alert color="red" role="alert">
              {errorMessage(withdraw.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('agreements.form.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('agreements.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The title an entry recorded, read from its canonical JSON (the ledger keeps what was hashed, nothing else). */
function entryTitle(payload: string): string {
  try {
    return (JSON.parse(payload) as { agreement?: { title?: string } }).agreement?.title ?? '';
  } catch {
    return '';
  }
}

function Ledger(props: { eventId: string }) {
  const { t } = useTranslation();
  const ledger = useLedger(props.eventId);
  const entries = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('agreements.ledgerTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('agreements.ledgerExplain')}
      </Text>
      <QueryState query={{ data: ledger.data, error: ledger.error, isPending: ledger.isPending }}>
        {() =>
          entries.length === 0 ? (
            <Text c="dimmed">{t('agreements.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="ledger-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('agreements.col.action')}</Table.Th>
                    <Table.Th>{t('agreements.col.title')}</Table.Th>
                    <Table.Th>{t('agreements.col.hash')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id} data-testid="ledger-entry">
                      <Table.Td>{e.seq}</Table.Td>
                      <Table.Td>{t(`agreements.action.${e.action}`)}</Table.Td>
                      <Table.Td>{entryTitle(e.payload)}</Table.Td>
                      <Table.Td>
                        <Code title={e.hash}>{e.hash.slice(0, 16)}…</Code>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {ledger.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void ledger.fetchNextPage()}>
          {t('agreements.more')}
        </Button>
      )}
    </Stack>
  );
}
