import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/client';
import type { EventDetail } from '@/lib/events';
import { errorMessage } from '@/lib/errors';
import { deviceTimeZone, zoneOptions } from '@/lib/time';
import { wallClock, zonedInstant } from '@/lib/zoned';
import type { EventInput } from '../api/organisers';
import { SlotPreview } from './slot-preview';

const LANGUAGES = ['zh', 'ru', 'en'] as const;

interface Window {
  date: string;
  start: string;
  end: string;
}

/** What the form holds: strings as typed (event-local wall clock for every date), turned into the API's body on save. */
export interface EventFormState {
  slug: string;
  name: string;
  names: Record<(typeof LANGUAGES)[number], string>;
  theme: string;
  description: string;
  venue: string;
  city: string;
  country: string;
  timeZone: string;
  starts: string;
  ends: string;
  languages: string[];
  sectors: string[];
  opens: string;
  closes: string;
  capacity: number | '';
  requiresApproval: boolean;
  slotMinutes: number | '';
  tables: number | '';
  windows: Window[];
  maxMeetingsPerDelegate: number | '';
  maxPendingRequests: number | '';
  requestExpiryHours: number | '';
  publicAgreementsReport: boolean;
  /** Kept as loaded (not edited on this form). */
  reminderLeadMinutes: number[];
}

const local = (iso: string | null, zone: string) => {
  if (!iso) return '';
  const { date, time } = wallClock(iso, zone);
  return `${date}T${time}`;
};

export function emptyForm(): EventFormState {
  return {
    slug: '',
    name: '',
    names: { zh: '', ru: '', en: '' },
    theme: '',
    description: '',
    venue: '',
    city: '',
    country: '',
    timeZone: deviceTimeZone(),
    starts: '',
    ends: '',
    languages: ['zh', 'ru', 'en'],
    sectors: [],
    opens: '',
    closes: '',
    capacity: '',
    requiresApproval: true,
    slotMinutes: 30,
    tables: 20,
    windows: [],
    maxMeetingsPerDelegate: 12,
    maxPendingRequests: 20,
    requestExpiryHours: 72,
    reminderLeadMinutes: [1440, 30],
    publicAgreementsReport: false,
  };
}

export function formFromEvent(event: EventDetail): EventFormState {
  const zone = event.timeZone;
  const m = event.meetingSettings;
  return {
    slug: event.slug,
    name: event.name,
    names: {
      zh: event.translations.zh?.name ?? '',
      ru: event.translations.ru?.name ?? '',
      en: event.translations.en?.name ?? '',
    },
    theme: event.theme ?? '',
    description: event.description ?? '',
    venue: event.venue ?? '',
    city: event.city ?? '',
    country: event.country ?? '',
    timeZone: zone,
    starts: local(event.startsAt, zone),
    ends: local(event.endsAt, zone),
    languages: event.languages,
    sectors: event.sectors,
    opens: local(event.registration.opensAt, zone),
    closes: local(event.registration.closesAt, zone),
    capacity: event.registration.capacity ?? '',
    requiresApproval: event.registration.requiresApproval,
    slotMinutes: m.slotMinutes ?? 30,
    tables: m.tables ?? 20,
    windows: m.windows ?? [],
    maxMeetingsPerDelegate: m.maxMeetingsPerDelegate ?? 12,
    maxPendingRequests: m.maxPendingRequests ?? 20,
    requestExpiryHours: m.requestExpiryHours ?? 72,
    reminderLeadMinutes: m.reminderLeadMinutes ?? [1440, 30],
    publicAgreementsReport: event.publicAgreementsReport,
  };
}

/** "2027-06-10T09:00" in the event's zone as an instant; a half-typed value goes as typed, for the API to name. */
function instant(value: string, zone: string): string {
  const [date, time] = value.split('T');
  try {
    return date && time ? zonedInstant(date, time.slice(0, 5), zone) : value;
  } catch {
    return value;
  }
}

const num = (value: number | '') => (value === '' ? undefined : value);
/** An emptied field the API has a default for goes as that default (the field's hint shows it). */
const orDefault = (value: number | '', fallback: number) => (value === '' ? fallback : value);
const text = (value: string) => value.trim() || undefined;

export function toInput(form: EventFormState): EventInput {
  const translations = Object.fromEntries(
    LANGUAGES.filter((l) => form.names[l].trim()).map((l) => [l, { name: form.names[l].trim() }]),
  );
  return {
    slug: form.slug.trim(),
    name: form.name.trim(),
    theme: text(form.theme),
    description: text(form.description),
    translations,
    venue: text(form.venue),
    city: text(form.city),
    country: text(form.country.toUpperCase()),
    timeZone: form.timeZone,
    startsAt: instant(form.starts, form.timeZone),
    endsAt: instant(form.ends, form.timeZone),
    languages: LANGUAGES.filter((l) => form.languages.includes(l)),
    sectors: form.sectors,
    registration: {
      opensAt: form.opens ? instant(form.opens, form.timeZone) : undefined,
      closesAt: form.closes ? instant(form.closes, form.timeZone) : undefined,
      capacity: num(form.capacity),
      requiresApproval: form.requiresApproval,
    },
    meetingSettings: {
      slotMinutes: orDefault(form.slotMinutes, 30),
      tables: orDefault(form.tables, 20),
      windows: form.windows,
      maxMeetingsPerDelegate: orDefault(form.maxMeetingsPerDelegate, 12),
      maxPendingRequests: orDefault(form.maxPendingRequests, 20),
      requestExpiryHours: orDefault(form.requestExpiryHours, 72),
      reminderLeadMinutes: form.reminderLeadMinutes,
    },
    publicAgreementsReport: form.publicAgreementsReport,
  };
}

/** The event's fields, grouped as an organiser thinks of them, with the B2B slot grid previewed as they type. */
export function EventForm(props: {
  initial: EventFormState;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit: (input: EventInput) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(props.initial);
  const set = <K extends keyof EventFormState>(key: K, value: EventFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const zones = useMemo(() => zoneOptions(), []);
  const setWindow = (i: number, patch: Partial<Window>) =>
    set(
      'windows',
      form.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)),
    );
  const addWindow = () => {
    const last = form.windows.at(-1);
    const date = last ? nextDay(last.date) : form.starts.slice(0, 10) || '';
    set('windows', [...form.windows, { date, start: last?.start ?? '14:00', end: last?.end ?? '18:00' }]);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(toInput(form));
  };

  return (
    <form onSubmit={submit} noValidate data-testid="event-form">
      <Stack gap="lg">
        <Fieldset legend={t('eventForm.about')}>
          <Stack gap="sm">
            <TextInput
              label={t('eventForm.name')}
              required
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {LANGUAGES.map((l) => (
                <TextInput
                  key={l}
                  label={t(`eventForm.nameIn.${l}`)}
                  value={form.names[l]}
                  onChange={(e) => set('names', { ...form.names, [l]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
            <TextInput
              label={t('eventForm.slug')}
              description={t('eventForm.slugHelp')}
              required
              value={form.slug}
              onChange={(e) => set('slug', e.currentTarget.value)}
            />
            <TextInput
              label={t('eventForm.theme')}
              value={form.theme}
              onChange={(e) => set('theme', e.currentTarget.value)}
            />
            <Textarea
              label={t('eventForm.description')}
              autosize
              minRows={2}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('eventForm.venue')}
                value={form.venue}
                onChange={(e) => set('venue', e.currentTarget.value)}
              />
              <TextInput
                label={t('eventForm.city')}
                value={form.city}
                onChange={(e) => set('city', e.currentTarget.value)}
              />
              <TextInput
                label={t('eventForm.country')}
                description={t('eventForm.countryHelp')}
                maxLength={2}
                value={form.country}
                onChange={(e) => set('country', e.currentTarget.value.toUpperCase())}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('eventForm.when')}>
          <Stack gap="sm">
            <NativeSelect
              label={t('eventForm.timeZone')}
              description={t('eventForm.timeZoneHelp')}
              value={form.timeZone}
              onChange={(e) => set('timeZone', e.currentTarget.value)}
              data={zones.includes(form.timeZone) ? zones : [form.timeZone, ...zones]}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="datetime-local"
                label={t('eventForm.starts')}
                required
                value={form.starts}
                onChange={(e) => set('starts', e.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label={t('eventForm.ends')}
                required
                value={form.ends}
                onChange={(e) => set('ends', e.currentTarget.value)}
              />
            </SimpleGrid>
            <Checkbox.Group
              label={t('eventForm.languages')}
              description={t('eventForm.languagesHelp')}
              value={form.languages}
              onChange={(v) => set('languages', v)}
            >
              <Group mt={4}>
                {LANGUAGES.map((l) => (
                  <Checkbox key={l} value={l} label={t(`eventForm.language.${l}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <TagsInput
              label={t('eventForm.sectors')}
              description={t('eventForm.sectorsHelp')}
              value={form.sectors}
              onChange={(v) =>
                set(
                  'sectors',
                  v.map((s) => s.trim().toLowerCase().replace(/\s+/g, '-')),
                )
              }
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('eventForm.registration')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('eventForm.opens')}
              value={form.opens}
              onChange={(e) => set('opens', e.currentTarget.value)}
            />
            <TextInput
              type="datetime-local"
              label={t('eventForm.closes')}
              value={form.closes}
              onChange={(e) => set('closes', e.currentTarget.value)}
            />
            <NumberInput
              label={t('eventForm.capacity')}
              description={t('eventForm.capacityHelp')}
              min={1}
              allowDecimal={false}
              value={form.capacity}
              onChange={(v) => set('capacity', typeof v === 'number' ? v : '')}
            />
            <Switch
              mt="lg"
              label={t('eventForm.requiresApproval')}
              checked={form.requiresApproval}
              onChange={(e) => set('requiresApproval', e.currentTarget.checked)}
            />
            <Switch
              label={t('eventForm.publicReport')}
              checked={form.publicAgreementsReport}
              onChange={(e) => set('publicAgreementsReport', e.currentTarget.checked)}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('eventForm.meetings')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <NumberInput
                label={t('eventForm.slotMinutes')}
                min={10}
                max={120}
                allowDecimal={false}
                value={form.slotMinutes}
                onChange={(v) => set('slotMinutes', typeof v === 'number' ? v : '')}
              />
              <NumberInput
                label={t('eventForm.tables')}
                min={1}
                max={1000}
                allowDecimal={false}
                value={form.tables}
                onChange={(v) => set('tables', typeof v === 'number' ? v : '')}
              />
              <NumberInput
                label={t('eventForm.maxMeetings')}
                min={1}
                max={100}
                allowDecimal={false}
                value={form.maxMeetingsPerDelegate}
                onChange={(v) => set('maxMeetingsPerDelegate', typeof v === 'number' ? v : '')}
              />
              <NumberInput
                label={t('eventForm.maxPending')}
                min={1}
                max={500}
                allowDecimal={false}
                value={form.maxPendingRequests}
                onChange={(v) => set('maxPendingRequests', typeof v === 'number' ? v : '')}
              />
              <NumberInput
                label={t('eventForm.expiryHours')}
                min={1}
                max={2160}
                allowDecimal={false}
                value={form.requestExpiryHours}
                onChange={(v) => set('requestExpiryHours', typeof v === 'number' ? v : '')}
              />
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('eventForm.windows', { zone: form.timeZone })}
            </Text>
            {form.windows.length === 0 && (
              <Text size="sm" c="dark.4">
                {t('eventForm.noWindows')}
              </Text>
            )}
            {form.windows.map((w, i) => (
              <Group key={i} gap="xs" align="end" wrap="wrap" data-testid="meeting-window">
                <TextInput
                  type="date"
                  label={t('eventForm.windowDate', { n: i + 1 })}
                  value={w.date}
                  onChange={(e) => setWindow(i, { date: e.currentTarget.value })}
                  w={{ base: '100%', xs: 170 }}
                />
                <TextInput
                  type="time"
                  label={t('eventForm.windowStart', { n: i + 1 })}
                  value={w.start}
                  onChange={(e) => setWindow(i, { start: e.currentTarget.value })}
                  w={140}
                />
                <TextInput
                  type="time"
                  label={t('eventForm.windowEnd', { n: i + 1 })}
                  value={w.end}
                  onChange={(e) => setWindow(i, { end: e.currentTarget.value })}
                  w={140}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('eventForm.removeWindow', { n: i + 1 })}
                  onClick={() =>
                    set(
                      'windows',
                      form.windows.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="light" onClick={addWindow}>
                {t('eventForm.addWindow')}
              </Button>
            </Group>
            <SlotPreview
              slotMinutes={typeof form.slotMinutes === 'number' ? form.slotMinutes : 0}
              tables={typeof form.tables === 'number' ? form.tables : 0}
              windows={form.windows}
              zone={form.timeZone}
            />
          </Stack>
        </Fieldset>

        {props.error != null && (
          <Alert color="red" role="alert" data-testid="event-form-error" title={errorMessage(props.error, t)}>
            {/* which fields, in the API's words: each names the field it is about */}
            {props.error instanceof ApiError && props.error.details.length > 0 && (
              <List size="sm">
                {props.error.details.map((detail) => (
                  <List.Item key={detail}>{detail}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {props.saved && !props.pending && props.error == null && (
          <Alert color="green" role="status">
            {t('eventForm.saved')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function nextDay(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? '' : new Date(at + 86_400_000).toISOString().slice(0, 10);
}
