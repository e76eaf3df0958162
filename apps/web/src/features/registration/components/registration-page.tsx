import {
  Alert,
  Button,
  Checkbox,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { localized, useEvent, type EventDetail } from '@/lib/events';
import { useSession } from '@/lib/session';
import { COUNTRIES, countryName, languageOptions } from '@/lib/names';
import { deviceTimeZone, zoneOptions } from '@/lib/time';
import { useMyRegistration, useRegister } from '../api/registration';
import { RegistrationStatusCard } from './registration-status';

/** Register for an event (with or without an invitation), or see where one's registration stands. */
export function RegistrationPage(props: { eventId: string; invitation?: string }) {
  const event = useEvent(props.eventId);
  const mine = useMyRegistration(props.eventId);
  return (
    <QueryState query={event}>
      {(data) => (
        <QueryState query={mine}>
          {(registration) =>
            registration ? (
              <RegistrationStatusCard event={data} registration={registration} />
            ) : (
              <RegistrationForm event={data} invitation={props.invitation} />
            )
          }
        </QueryState>
      )}
    </QueryState>
  );
}

function RegistrationForm(props: { event: EventDetail; invitation?: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const register = useRegister(props.event.id);
  const [form, setForm] = useState({
    jobTitle: '',
    companyName: '',
    nameZh: '',
    nameRu: '',
    country: '',
    sectors: [] as string[],
    offers: '',
    seeks: '',
    website: '',
    languages: [i18n.language],
    needsInterpreter: false,
    timeZone: session?.user.timeZone ?? deviceTimeZone(),
    badgeLatin: '',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({
      role: 'delegate',
      invitationToken: props.invitation,
      jobTitle: optional(form.jobTitle),
      languages: form.languages,
      needsInterpreter: form.needsInterpreter,
      timeZone: form.timeZone,
      badgeNames: form.badgeLatin.trim() ? { latin: form.badgeLatin.trim() } : undefined,
      company: {
        name: form.companyName.trim(),
        nameZh: optional(form.nameZh),
        nameRu: optional(form.nameRu),
        country: form.country,
        sectors: form.sectors,
        offers: optional(form.offers),
        seeks: optional(form.seeks),
        website: optional(form.website),
      },
    });
  };

  return (
    <Paper withBorder p="lg" maw={760} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('registration.title', { event: localized(props.event, i18n.language).name })}
          </Title>
          {props.invitation && (
            <Alert color="blue" role="status">
              {t('registration.invited')}
            </Alert>
          )}
          {register.error && (
            <Alert color="red" role="alert">
              {errorMessage(register.error, t)}
            </Alert>
          )}
          <Title order={2} size="h5">
            {t('registration.company')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('registration.companyLatin')}
              required
              value={form.companyName}
              onChange={(e) => set({ companyName: e.currentTarget.value })}
            />
            <TextInput
              label={t('registration.companyZh')}
              lang="zh"
              value={form.nameZh}
              onChange={(e) => set({ nameZh: e.currentTarget.value })}
            />
            <TextInput
              label={t('registration.companyRu')}
              lang="ru"
              value={form.nameRu}
              onChange={(e) => set({ nameRu: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('registration.country')}
              required
              searchable
              value={form.country || null}
              onChange={(v) => set({ country: v ?? '' })}
              data={COUNTRIES.map((code) => ({ value: code, label: countryName(code, i18n.language) }))}
            />
            <MultiSelect
              label={t('registration.sectors')}
              value={form.sectors}
              onChange={(sectors) => set({ sectors })}
              data={props.event.sectors.map((s) => ({ value: s, label: t(`sectors.${s}`, { defaultValue: s }) }))}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('registration.offers')}
              autosize
              minRows={2}
              value={form.offers}
              onChange={(e) => set({ offers: e.currentTarget.value })}
            />
            <Textarea
              label={t('registration.seeks')}
              autosize
              minRows={2}
              value={form.seeks}
              onChange={(e) => set({ seeks: e.currentTarget.value })}
            />
          </SimpleGrid>
          <TextInput
            label={t('registration.website')}
            type="url"
            value={form.website}
            onChange={(e) => set({ website: e.currentTarget.value })}
          />
          <Title order={2} size="h5">
            {t('registration.you')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('registration.jobTitle')}
              value={form.jobTitle}
              onChange={(e) => set({ jobTitle: e.currentTarget.value })}
            />
            <TextInput
              label={t('registration.badgeLatin')}
              value={form.badgeLatin}
              onChange={(e) => set({ badgeLatin: e.currentTarget.value })}
            />
            <MultiSelect
              label={t('registration.languages')}
              value={form.languages}
              onChange={(languages) => set({ languages })}
              data={languageOptions(i18n.language)}
            />
            <Select
              label={t('registration.timeZone')}
              searchable
              value={form.timeZone}
              onChange={(v) => set({ timeZone: v ?? deviceTimeZone() })}
              data={zoneOptions()}
            />
          </SimpleGrid>
          <Checkbox
            label={t('registration.needsInterpreter')}
            checked={form.needsInterpreter}
            onChange={(e) => set({ needsInterpreter: e.currentTarget.checked })}
          />
          <Button type="submit" loading={register.isPending}>
            {t('registration.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
