import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { dayKey, formatDateTime, formatDay } from '@/lib/time';
import {
  useAddInterpreter,
  useFixedTables,
  useFixTable,
  useInterpreters,
  useReleaseTable,
  type Grid,
} from '../api/b2b';
import { zonedInstant } from '@/lib/zoned';

/** The interpreter pool (language pairs, hours in event time) and tables reserved for a company. */
export function InterpretersPanel(props: { eventId: string; grid: Grid; suggestedPair: string | null }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="md" component="section" aria-labelledby="interpreters-title">
        <Title order={2} size="h4" id="interpreters-title" mb="xs">
          {t('b2b.interpreters.title')}
        </Title>
        <InterpreterPool {...props} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="fixed-title">
        <Title order={2} size="h4" id="fixed-title" mb="xs">
          {t('b2b.fixed.title')}
        </Title>
        <FixedTableForm eventId={props.eventId} grid={props.grid} />
      </Paper>
    </SimpleGrid>
  );
}

function InterpreterPool(props: { eventId: string; grid: Grid; suggestedPair: string | null }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const zone = props.grid.timeZone;
  const list = useInterpreters(props.eventId, true);
  const add = useAddInterpreter(props.eventId);
  const days = useMemo(
    () => [...new Set(props.grid.slots.map((s) => dayKey(s.start, zone)))],
    [props.grid.slots, zone],
  );
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [pairs, setPairs] = useState(props.suggestedPair ?? '');
  const [day, setDay] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (props.suggestedPair) setPairs(props.suggestedPair);
  }, [props.suggestedPair]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const availability =
      day && from && to ? [{ start: zonedInstant(day, from, zone), end: zonedInstant(day, to, zone) }] : undefined;
    add.mutate(
      {
        name: name.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        pairs: pairs
          .split(/[,\s]+/)
          .map((p) => p.trim().toLowerCase())
          .filter(Boolean),
        ...(availability ? { availability } : {}),
      },
      {
        onSuccess: (i) => {
          setSaved(t('b2b.interpreters.added', { name: i.name, pairs: i.pairs.join(', ') }));
          setName('');
          setEmail('');
        },
      },
    );
  };
  return (
    <Stack gap="sm">
      {list.data && list.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={300}>
          <Table striped data-testid="interpreter-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('b2b.interpreters.name')}</Table.Th>
                <Table.Th>{t('b2b.interpreters.pairs')}</Table.Th>
                <Table.Th>{t('b2b.interpreters.hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.pairs.join(', ')}</Table.Td>
                  <Table.Td>
                    {i.availability
                      ? i.availability
                          .map((w) => `${formatDateTime(w.start, zone, locale)}–${formatDateTime(w.end, zone, locale)}`)
                          .join('; ')
                      : t('b2b.interpreters.always')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dark.5">
          {t('b2b.interpreters.none')}
        </Text>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t('b2b.interpreters.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              miw={180}
            />
            <TextInput
              label={t('b2b.interpreters.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              miw={180}
            />
          </Group>
          <TextInput
            label={t('b2b.interpreters.pairs')}
            description={t('b2b.interpreters.pairsHelp')}
            required
            value={pairs}
            onChange={(e) => setPairs(e.currentTarget.value)}
          />
          <Group grow wrap="wrap" align="flex-start">
            <Select
              label={t('b2b.interpreters.day')}
              description={t('b2b.interpreters.hoursHelp', { zone })}
              data={days.map((d) => ({ value: d, label: formatDay(d, locale) }))}
              value={day}
              onChange={setDay}
              clearable
              miw={180}
            />
            <TextInput
              label={t('b2b.interpreters.from')}
              type="time"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              miw={110}
            />
            <TextInput
              label={t('b2b.interpreters.to')}
              type="time"
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              miw={110}
            />
          </Group>
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('b2b.interpreters.add')}
            </Button>
          </Group>
          {saved && !add.error && (
            <Alert color="green" role="status">
              {saved}
            </Alert>
          )}
          {add.error && (
            <Alert color="red" role="alert">
              {errorMessage(add.error, t)}
            </Alert>
          )}
        </Stack>
      </form>
    </Stack>
  );
}

function FixedTableForm(props: { eventId: string; grid: Grid }) {
  const { t } = useTranslation();
  const fix = useFixTable(props.eventId);
  const companies = useMemo(() => {
    const byId = new Map<string, string>();
    for (const d of props.grid.delegates) if (d.companyId && d.company) byId.set(d.companyId, d.company);
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label }));
  }, [props.grid.delegates]);
  const [company, setCompany] = useState<string | null>(null);
  const [table, setTable] = useState<number | string>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!company || typeof table !== 'number') return;
    fix.mutate({ companyId: company, tableNo: table });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Text size="sm" c="dark.5">
          {t('b2b.fixed.intro')}
        </Text>
        <Select
          label={t('b2b.fixed.company')}
          data={companies}
          value={company}
          onChange={setCompany}
          searchable
          required
          limit={50}
        />
        <NumberInput
          label={t('b2b.fixed.table')}
          min={1}
          max={props.grid.tables}
          value={table}
          onChange={setTable}
          required
        />
        <Group>
          <Button type="submit" loading={fix.isPending}>
            {t('b2b.fixed.save')}
          </Button>
        </Group>
        {fix.data && !fix.error && (
          <Alert color="green" role="status">
            {t('b2b.fixed.saved', {
              table: fix.data.tableNo,
              company: companies.find((c) => c.value === fix.data.companyId)?.label ?? '',
            })}
          </Alert>
        )}
        {fix.error && (
          <Alert color="red" role="alert">
            {errorMessage(fix.error, t)}
          </Alert>
        )}
        <FixedTableList eventId={props.eventId} companies={companies} />
      </Stack>
    </form>
  );
}

/** The reservations in force, by table, each with a button that gives the table back. */
function FixedTableList(props: { eventId: string; companies: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const list = useFixedTables(props.eventId);
  const release = useReleaseTable(props.eventId);
  const [released, setReleased] = useState<{ table: number; company: string } | null>(null);
  const label = (companyId: string) => props.companies.find((c) => c.value === companyId)?.label ?? companyId;
  const items = list.data?.items ?? [];
  return (
    <Stack gap={4} data-testid="fixed-table-list">
      <Text size="sm" fw={600}>
        {t('b2b.fixed.listTitle')}
      </Text>
      {list.error && (
        <Alert color="red" role="alert">
          {errorMessage(list.error, t)}
        </Alert>
      )}
      {list.data && items.length === 0 && (
        <Text size="sm" c="dark.5">
          {t('b2b.fixed.none')}
        </Text>
      )}
      {items.length > 0 && (
        <Table withTableBorder={false} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('b2b.fixed.table')}</Table.Th>
              <Table.Th scope="col">{t('b2b.fixed.company')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('b2b.fixed.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.companyId}>
                <Table.Td>{row.tableNo}</Table.Td>
                <Table.Td>{label(row.companyId)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    loading={release.isPending && release.variables === row.companyId}
                    aria-label={t('b2b.fixed.releaseOne', { table: row.tableNo, company: label(row.companyId) })}
                    onClick={() =>
                      release.mutate(row.companyId, {
                        onSuccess: () => setReleased({ table: row.tableNo, company: label(row.companyId) }),
                      })
                    }
                  >
                    {t('b2b.fixed.release')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {released && !release.error && (
        <Alert color="green" role="status">
          {t('b2b.fixed.released', released)}
        </Alert>
      )}
      {release.error && (
        <Alert color="red" role="alert">
          {errorMessage(release.error, t)}
        </Alert>
      )}
    </Stack>
  );
}
