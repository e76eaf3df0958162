import {
  Alert,
  Button,
  Checkbox,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useEvent } from '@/lib/events';
import { intlLocale } from '@/lib/i18n';
import { companyName, countryName, COUNTRIES } from '@/lib/names';
import { formatDate } from '@/lib/time';
import {
  fetchCsv,
  PAGE_SIZE,
  useBulkDecision,
  usePromote,
  useRegistrationPage,
  type AdminRegistration,
  type BulkResult,
  type RegistrationFilters,
  type RegistrationSort,
} from '../api/registrations-admin';
import { ReasonDialog } from './reason-dialog';
import { RegistrationDetail } from './registration-detail';
import { StatusBadge } from './status-badge';

export interface RegistrationTableState extends RegistrationFilters {
  page?: number;
}

const STATUSES = ['pending', 'approved', 'waitlisted', 'rejected', 'cancelled'] as const;
type SortKey = 'createdAt' | 'name' | 'company' | 'country' | 'status';

/**
 * The organisers' registrations: filters, search, sort and paging all done by the server (the URL holds
 * them), bulk approve or reject with each row's outcome, the waiting list and its promotion, one person's
 * detail, and the CSV of exactly what the table shows.
 */
export function RegistrationsPage(props: {
  eventId: string;
  search: RegistrationTableState;
  onSearch: (next: RegistrationTableState) => void;
}) {
  const { t, i18n } = useTranslation();
  const { page = 1, ...filters } = props.search;
  const list = useRegistrationPage(props.eventId, filters, page);
  const event = useEvent(props.eventId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [detail, setDetail] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [outcome, setOutcome] = useState<{ result: BulkResult; names: Map<string, string> } | null>(null);
  const [q, setQ] = useState(filters.q ?? '');
  const bulk = useBulkDecision(props.eventId);
  const promote = usePromote(props.eventId);
  const [exportError, setExportError] = useState<unknown>(null);
  const set = (change: Partial<RegistrationTableState>) => {
    setSelected(new Set());
    props.onSearch({ ...props.search, page: undefined, ...change });
  };

  // the search goes to the server a moment after typing stops
  useEffect(() => {
    const wanted = q.trim() || undefined;
    if (wanted === filters.q) return;
    const timer = setTimeout(() => set({ q: wanted }), 300);
    return () => clearTimeout(timer);
  }, [q]);

  if (list.error instanceof ApiError && (list.error.status === 403 || list.error.status === 404)) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('registrationsAdmin.title')}
        </Title>
        <Alert color="red" role="alert" data-testid="registrations-refused">
          {t('registrationsAdmin.refused')}
        </Alert>
      </Stack>
    );
  }

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const locale = intlLocale(i18n.language);
  const zone = event.data?.timeZone ?? 'UTC';
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decide = async (action: 'approve' | 'reject', reason?: string) => {
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const result = await bulk.mutateAsync({ action, registrationIds: [...selected], reason });
    setOutcome({ result, names });
    setSelected(new Set(result.results.filter((r) => !r.ok).map((r) => r.registrationId)));
  };
  const download = async () => {
    setExportError(null);
    try {
      const blob = await fetchCsv(props.eventId, filters);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'registrations.csv';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setExportError(error);
    }
  };
  const sorter = (key: SortKey, label: string) => {
    const current = filters.sort ?? 'createdAt';
    const active = current.replace(/^-/, '') === key;
    const descending = active && current.startsWith('-');
    const next: RegistrationSort = active && !descending ? (`-${key}` as RegistrationSort) : key;
    return (
      <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton onClick={() => set({ sort: next === 'createdAt' ? undefined : next })} fw={600} fz="sm">
          {label} {active ? (descending ? '▼' : '▲') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('registrationsAdmin.title')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('registrationsAdmin.filters')}>
        <TextInput
          label={t('registrationsAdmin.search')}
          placeholder={t('registrationsAdmin.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('registrationsAdmin.status')}
          data={[
            { value: '', label: t('registrationsAdmin.any') },
            ...STATUSES.map((s) => ({ value: s, label: t(`registration.statuses.${s}`) })),
          ]}
          value={filters.status ?? ''}
          onChange={(v) => set({ status: v || undefined })}
          allowDeselect={false}
          w={180}
        />
        <Select
          label={t('registrationsAdmin.country')}
          data={[
            { value: '', label: t('registrationsAdmin.any') },
            ...COUNTRIES.map((c) => ({ value: c, label: countryName(c, i18n.language) })),
          ]}
          value={filters.country ?? ''}
          onChange={(v) => set({ country: v || undefined })}
          allowDeselect={false}
          searchable
          w={170}
        />
        <Select
          label={t('registrationsAdmin.sector')}
          data={[
            { value: '', label: t('registrationsAdmin.any') },
            ...(event.data?.sectors ?? []).map((s) => ({ value: s, label: t(`sectors.${s}`, { defaultValue: s }) })),
          ]}
          value={filters.sector ?? ''}
          onChange={(v) => set({ sector: v || undefined })}
          allowDeselect={false}
          w={170}
        />
        <Button variant="default" onClick={() => void download()}>
          {t('registrationsAdmin.export')}
        </Button>
      </Group>
      {exportError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(exportError, t)}
        </Alert>
      )}

      <Group gap="sm" wrap="wrap">
        <Text size="sm" data-testid="registrations-total" aria-live="polite">
          {t('registrationsAdmin.total', { count: total })}
          {selected.size > 0 ? ` · ${t('registrationsAdmin.selected', { count: selected.size })}` : ''}
        </Text>
        <Button
          size="xs"
          disabled={selected.size === 0}
          loading={bulk.isPending}
          onClick={() => void decide('approve')}
        >
          {t('registrationsAdmin.approveSelected')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={selected.size === 0 || bulk.isPending}
          onClick={() => setRejecting(true)}
        >
          {t('registrationsAdmin.rejectSelected')}
        </Button>
        <Button size="xs" variant="default" loading={promote.isPending} onClick={() => promote.mutate()}>
          {t('registrationsAdmin.promote')}
        </Button>
      </Group>
      {promote.data && (
        <Alert color="blue" role="status" data-testid="promote-result">
          {t('registrationsAdmin.promoted', { count: promote.data.promoted })}
        </Alert>
      )}
      {(promote.error ?? bulk.error) && (
        <Alert color="red" role="alert">
          {errorMessage(promote.error ?? bulk.error, t)}
        </Alert>
      )}
      {outcome && <BulkOutcome outcome={outcome} onClose={() => setOutcome(null)} />}
      {list.error && !(list.error instanceof ApiError && [403, 404].includes(list.error.status)) && (
        <Alert color="red" role="alert">
          {errorMessage(list.error, t)}
        </Alert>
      )}

      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-label={t('registrationsAdmin.table')} aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('registrationsAdmin.selectPage')}
                  checked={allOnPage}
                  indeterminate={!allOnPage && rows.some((r) => selected.has(r.id))}
                  onChange={() =>
                    setSelected((now) => {
                      const next = new Set(now);
                      for (const r of rows) {
                        if (allOnPage) next.delete(r.id);
                        else next.add(r.id);
                      }
                      return next;
                    })
                  }
                />
              </Table.Th>
              {sorter('name', t('registrationsAdmin.name'))}
              {sorter('company', t('registrationsAdmin.company'))}
              {sorter('country', t('registrationsAdmin.country'))}
              <Table.Th>{t('registrationsAdmin.sector')}</Table.Th>
              {sorter('status', t('registrationsAdmin.status'))}
              {sorter('createdAt', t('registrationsAdmin.registered'))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Row
                key={r.id}
                registration={r}
                selected={selected.has(r.id)}
                onToggle={() => toggle(r.id)}
                onOpen={() => setDetail(r.id)}
                date={formatDate(r.createdAt, zone, locale)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isSuccess && rows.length === 0 && (
        <Alert color="gray" role="status">
          {t('registrationsAdmin.none')}
        </Alert>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(p) => props.onSearch({ ...props.search, page: p === 1 ? undefined : p })}
          getControlProps={(control) => ({
            'aria-label': t(`registrationsAdmin.pager.${control}`),
          })}
          getItemProps={(p) => ({ 'aria-label': t('registrationsAdmin.pager.page', { page: p }) })}
        />
      )}

      <ReasonDialog
        opened={rejecting}
        title={t('registrationsAdmin.rejectTitle', { count: selected.size })}
        confirm={t('registrationsAdmin.rejectSelected')}
        onClose={() => setRejecting(false)}
        onConfirm={async (reason) => {
          setRejecting(false);
          await decide('reject', reason);
        }}
      />
      <RegistrationDetail eventId={props.eventId} registrationId={detail} onClose={() => setDetail(null)} />
    </Stack>
  );
}

function Row(props: {
  registration: AdminRegistration;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
  date: string;
}) {
  const { t, i18n } = useTranslation();
  const r = props.registration;
  return (
    <Table.Tr data-testid="registration-row" data-status={r.status}>
      <Table.Td>
        <Checkbox
          aria-label={t('registrationsAdmin.select', { name: r.name })}
          checked={props.selected}
          onChange={props.onToggle}
        />
      </Table.Td>
      <Table.Td>
        <UnstyledButton onClick={props.onOpen} c="blue.8" fz="sm" td="underline">
          {r.name}
        </UnstyledButton>
        <Text size="xs" c="dimmed">
          {r.email}
        </Text>
      </Table.Td>
      <Table.Td>{companyName(r.company, i18n.language) ?? '—'}</Table.Td>
      <Table.Td>{r.company ? countryName(r.company.country, i18n.language) : '—'}</Table.Td>
      <Table.Td>
        {(r.company?.sectors ?? []).map((s) => t(`sectors.${s}`, { defaultValue: s })).join(', ') || '—'}
      </Table.Td>
      <Table.Td>
        <StatusBadge status={r.status} position={r.waitlistPosition} />
      </Table.Td>
      <Table.Td>{props.date}</Table.Td>
    </Table.Tr>
  );
}

/** What a bulk decision did: how many went through, and each refused row with its reason in words. */
function BulkOutcome(props: { outcome: { result: BulkResult; names: Map<string, string> }; onClose: () => void }) {
  const { t } = useTranslation();
  const { result, names } = props.outcome;
  const failed = result.results.filter((r) => !r.ok);
  return (
    <Alert
      color={failed.length ? 'orange' : 'green'}
      role="status"
      withCloseButton
      closeButtonLabel={t('registrationsAdmin.close')}
      onClose={props.onClose}
      data-testid="bulk-outcome"
      title={t('registrationsAdmin.bulkDone', { ok: result.succeeded, failed: result.failed })}
    >
      {failed.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {failed.map((r) => (
            <li key={r.registrationId}>
              {names.get(r.registrationId) ?? r.registrationId}:{' '}
              {t(`errors.${r.code ?? 'UNKNOWN'}`, { defaultValue: r.message ?? t('errors.UNKNOWN') })}
              {r.status ? ` (${t(`registration.statuses.${r.status}`)})` : ''}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
