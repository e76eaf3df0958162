import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { wallClock, zonedInstant } from '@/lib/zoned';
import {
  useAmendAgreement,
  useCompanySearch,
  useRecordAgreement,
  type Agreement,
  type AgreementInput,
} from '../api/agreements';

export const KINDS = ['mou', 'cooperation_agreement', 'contract', 'letter_of_intent'] as const;
/** Suggested; any ISO 4217 code may be typed (the API checks it). */
const CURRENCIES = ['CNY', 'RUB', 'USD', 'EUR', 'HKD', 'KZT'];
/** As the API checks it (libs/agreements/src/decimal.ts): at most 20 integer digits, a dot, any fraction. */
const AMOUNT = /^(0|[1-9]\d{0,19})(\.\d+)?$/;

interface SignatoryDraft {
  name: string;
  position: string;
}
interface PartyDraft {
  mode: 'registered' | 'typed';
  companyId: string | null;
  companyLabel: string;
  name: string;
  country: string;
  signatories: SignatoryDraft[];
}
interface Draft {
  title: string;
  kind: (typeof KINDS)[number];
  sector: string | null;
  day: string;
  time: string;
  parties: PartyDraft[];
  amount: string;
  currency: string;
  reason: string;
}

const emptyParty = (): PartyDraft => ({
  mode: 'registered',
  companyId: null,
  companyLabel: '',
  name: '',
  country: '',
  signatories: [{ name: '', position: '' }],
});

function draftOf(agreement: Agreement | null, zone: string, defaultDay: string): Draft {
  if (!agreement) {
    return {
      title: '',
      kind: 'mou',
      sector: null,
      day: defaultDay,
      time: '10:00',
      parties: [emptyParty(), emptyParty()],
      amount: '',
      currency: 'CNY',
      reason: '',
    };
  }
  const { date: day, time } = wallClock(agreement.signedAt, zone);
  return {
    title: agreement.title,
    kind: agreement.kind,
    sector: agreement.sector,
    day,
    time,
    parties: agreement.parties.map((p) => ({
      mode: p.companyId ? 'registered' : 'typed',
      companyId: p.companyId,
      companyLabel: `${p.name} (${p.country})`,
      name: p.name,
      country: p.country,
      signatories: p.signatories.map((s) => ({ name: s.name, position: s.position ?? '' })),
    })),
    amount: agreement.value?.amount ?? '',
    currency: agreement.value?.currency ?? 'CNY',
    reason: '',
  };
}

type Problems = Record<string, string>;

function check(draft: Draft, amend: boolean, t: (key: string) => string): Problems {
  const problems: Problems = {};
  if (!draft.title.trim()) problems.title = t('agreements.form.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.day)) problems.day = t('agreements.form.required');
  if (!/^\d{2}:\d{2}$/.test(draft.time)) problems.time = t('agreements.form.required');
  draft.parties.forEach((p, i) => {
    if (p.mode === 'registered' && !p.companyId) problems[`party${i}.company`] = t('agreements.form.pickCompany');
    if (p.mode === 'typed' && !p.name.trim()) problems[`party${i}.name`] = t('agreements.form.required');
    if (p.mode === 'typed' && !/^[A-Za-z]{2}$/.test(p.country.trim()))
      problems[`party${i}.country`] = t('agreements.form.country');
    p.signatories.forEach((s, j) => {
      if (!s.name.trim()) problems[`party${i}.signatory${j}`] = t('agreements.form.required');
    });
  });
  if (draft.amount.trim() && !AMOUNT.test(draft.amount.trim())) problems.amount = t('agreements.form.amount');
  if (draft.amount.trim() && !/^[A-Za-z]{3}$/.test(draft.currency.trim()))
    problems.currency = t('agreements.form.currency');
  if (amend && !draft.reason.trim()) problems.reason = t('agreements.form.required');
  return problems;
}

function bodyOf(draft: Draft, zone: string): AgreementInput {
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    ...(draft.sector ? { sector: draft.sector } : {}),
    signedAt: zonedInstant(draft.day, draft.time, zone),
    parties: draft.parties.map((p) => ({
      ...(p.mode === 'registered' && p.companyId
        ? { companyId: p.companyId }
        : { name: p.name.trim(), country: p.country.trim().toUpperCase() }),
      signatories: p.signatories.map((s) => ({
        name: s.name.trim(),
        ...(s.position.trim() ? { position: s.position.trim() } : {}),
      })),
    })),
    value: draft.amount.trim() ? { amount: draft.amount.trim(), currency: draft.currency.trim().toUpperCase() } : null,
  };
}

/** Record an agreement, or amend one (then a reason is asked for): a modal form, every problem said on its field. */
export function AgreementForm(props: {
  eventId: string;
  zone: string;
  sectors: string[];
  defaultDay: string;
  agreement: Agreement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const amend = props.agreement !== null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.agreement, props.zone, props.defaultDay));
  const [problems, setProblems] = useState<Problems>({});
  const record = useRecordAgreement(props.eventId);
  const change = useAmendAgreement(props.eventId);
  const mutation = amend ? change : record;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setParty = (i: number, patch: Partial<PartyDraft>) =>
    setDraft((d) => ({ ...d, parties: d.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(draft, amend, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const body = bodyOf(draft, props.zone);
    try {
      if (props.agreement) {
        await change.mutateAsync({ agreementId: props.agreement.id, body: { ...body, reason: draft.reason.trim() } });
      } else {
        await record.mutateAsync(body);
      }
      props.onClose();
    } catch {
      // shown below from the mutation's error
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      size="xl"
      title={amend ? t('agreements.form.amendTitle') : t('agreements.form.recordTitle')}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="agreement-form">
        <Stack gap="sm">
          <TextInput
            label={t('agreements.form.title')}
            value={draft.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={problems.title}
            required
            maxLength={300}
          />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('agreements.form.kind')}
              value={draft.kind}
              onChange={(v) => v && set({ kind: v })}
              data={KINDS.map((k) => ({ value: k, label: t(`agreements.kind.${k}`) }))}
              allowDeselect={false}
            />
            <Select
              label={t('agreements.form.sector')}
              value={draft.sector}
              onChange={(v) => set({ sector: v })}
              data={props.sectors}
              clearable
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('agreements.form.day', { zone: props.zone })}
              value={draft.day}
              onChange={(e) => set({ day: e.currentTarget.value })}
              error={problems.day}
              required
            />
            <TextInput
              type="time"
              label={t('agreements.form.time')}
              value={draft.time}
              onChange={(e) => set({ time: e.currentTarget.value })}
              error={problems.time}
              required
            />
          </Group>
          {draft.parties.map((party, i) => (
            <PartyFields
              key={i}
              eventId={props.eventId}
              index={i}
              party={party}
              problems={problems}
              onChange={(patch) => setParty(i, patch)}
              onRemove={
                draft.parties.length > 2 ? () => set({ parties: draft.parties.filter((_, j) => j !== i) }) : undefined
              }
            />
          ))}
          <Button variant="light" onClick={() => set({ parties: [...draft.parties, emptyParty()] })} w="fit-content">
            {t('agreements.form.addParty')}
          </Button>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('agreements.form.amountLabel')}
              description={t('agreements.form.amountHint')}
              value={draft.amount}
              inputMode="decimal"
              onChange={(e) => set({ amount: e.currentTarget.value })}
              error={problems.amount}
            />
            <Autocomplete
              label={t('agreements.form.currencyLabel')}
              value={draft.currency}
              onChange={(v) => set({ currency: v.toUpperCase() })}
              data={CURRENCIES}
              maxLength={3}
              error={problems.currency}
            />
          </Group>
          {amend && (
            <Textarea
              label={t('agreements.form.reason')}
              value={draft.reason}
              onChange={(e) => set({ reason: e.currentTarget.value })}
              error={problems.reason}
              required
              maxLength={1000}
            />
          )}
          {mutation.error && (
            <Alert color="red" role="alert" data-testid="agreement-error">
              {errorMessage(mutation.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('agreements.form.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {amend ? t('agreements.form.saveAmend') : t('agreements.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PartyFields(props: {
  eventId: string;
  index: number;
  party: PartyDraft;
  problems: Problems;
  onChange: (patch: Partial<PartyDraft>) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const { party, index: i } = props;
  const [search, setSearch] = useState('');
  const companies = useCompanySearch(props.eventId, search);
  const options = (companies.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.country})` }));
  if (party.companyId && !options.some((o) => o.value === party.companyId)) {
    options.unshift({ value: party.companyId, label: party.companyLabel });
  }
  const setSignatory = (j: number, patch: Partial<SignatoryDraft>) =>
    props.onChange({ signatories: party.signatories.map((s, k) => (k === j ? { ...s, ...patch } : s)) });
  return (
    <Paper withBorder p="sm" data-testid="party">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} component="h3" size="sm" m={0}>
            {t('agreements.form.party', { n: i + 1 })}
          </Text>
          <Group gap="xs">
            <SegmentedControl
              size="xs"
              value={party.mode}
              onChange={(v) => props.onChange({ mode: v })}
              data={[
                { value: 'registered', label: t('agreements.form.registered') },
                { value: 'typed', label: t('agreements.form.typed') },
              ]}
              aria-label={t('agreements.form.partySource', { n: i + 1 })}
            />
            {props.onRemove && (
              <Button size="xs" variant="subtle" color="red" onClick={props.onRemove}>
                {t('agreements.form.removeParty')}
              </Button>
            )}
          </Group>
        </Group>
        {party.mode === 'registered' ? (
          <Select
            label={t('agreements.form.company')}
            placeholder={t('agreements.form.companySearch')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            data={options}
            value={party.companyId}
            onChange={(value, option) =>
              props.onChange({ companyId: value, companyLabel: option?.label ?? party.companyLabel })
            }
            nothingFoundMessage={search.trim().length >= 2 ? t('agreements.form.noCompany') : undefined}
            error={props.problems[`party${i}.company`]}
            data-testid="party-company"
          />
        ) : (
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('agreements.form.partyName')}
              value={party.name}
              onChange={(e) => props.onChange({ name: e.currentTarget.value })}
              error={props.problems[`party${i}.name`]}
              maxLength={200}
            />
            <TextInput
              label={t('agreements.form.partyCountry')}
              value={party.country}
              onChange={(e) => props.onChange({ country: e.currentTarget.value })}
              error={props.problems[`party${i}.country`]}
              maxLength={2}
            />
          </Group>
        )}
        {party.signatories.map((s, j) => (
          <Group key={j} grow align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={t('agreements.form.signatory', { n: j + 1 })}
              value={s.name}
              onChange={(e) => setSignatory(j, { name: e.currentTarget.value })}
              error={props.problems[`party${i}.signatory${j}`]}
              maxLength={200}
            />
            <TextInput
              label={t('agreements.form.position')}
              value={s.position}
              onChange={(e) => setSignatory(j, { position: e.currentTarget.value })}
              maxLength={200}
            />
            {party.signatories.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                style={{ flex: 'none' }}
                mb={4}
                onClick={() => props.onChange({ signatories: party.signatories.filter((_, k) => k !== j) })}
                aria-label={t('agreements.form.removeSignatory', { n: j + 1 })}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        <Button
          size="xs"
          variant="subtle"
          w="fit-content"
          onClick={() => props.onChange({ signatories: [...party.signatories, { name: '', position: '' }] })}
        >
          {t('agreements.form.addSignatory')}
        </Button>
      </Stack>
    </Paper>
  );
}
