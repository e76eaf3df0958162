import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { localized, useEvent, type EventDetail } from '@/lib/events';
import { type Registration, useMyRegistration } from '@/lib/my-registration';
import { COUNTRIES, companyName, countryName, languageName } from '@/lib/names';
import { useDirectory, type Delegate, type DirectoryFilters } from '../api/directory';
import { RequestMeetingDialog } from './request-meeting-dialog';

/**
 * The delegate directory of one event: search and filters live in the URL
 * (so a link or a reload keeps them), one page of company cards at a time.
 */
export function DirectoryPage(props: {
  eventId: string;
  filters: DirectoryFilters;
  onFiltersChange: (filters: DirectoryFilters, options?: { page?: boolean }) => void;
}) {
  const { t, i18n } = useTranslation();
  const event = useEvent(props.eventId);
  const own = useMyRegistration(props.eventId);
  return (
    <QueryState query={event}>
      {(ev) => (
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={1} size="h2">
              {t('directory.title')}
            </Title>
            <Text c="dark.5">{localized(ev, i18n.language).name}</Text>
          </Stack>
          <Filters event={ev} filters={props.filters} onChange={props.onFiltersChange} />
          <Results event={ev} own={own.data ?? null} filters={props.filters} onChange={props.onFiltersChange} />
        </Stack>
      )}
    </QueryState>
  );
}

function Filters(props: {
  event: EventDetail;
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const { filters } = props;
  const [q, setQ] = useState(filters.q ?? '');
  // The search box writes the URL once typing pauses; the URL is the truth (back/forward, reload).
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    const next = q.trim() || undefined;
    if (next === filters.q) return;
    const timer = setTimeout(() => props.onChange({ ...filters, q: next, cursor: undefined }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, props]);
  const set = (change: DirectoryFilters) => props.onChange({ ...filters, ...change, cursor: undefined });
  const languages = props.event.languages.length > 0 ? props.event.languages : ['zh', 'ru', 'en'];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" role="search" aria-label={t('directory.filters')}>
      <TextInput
        label={t('directory.search')}
        placeholder={t('directory.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <Select
        label={t('registration.country')}
        placeholder={t('directory.any')}
        clearable
        value={filters.country ?? null}
        onChange={(value) => set({ country: value ?? undefined })}
        data={COUNTRIES.map((code) => ({ value: code, label: countryName(code, i18n.language) }))}
      />
      <Select
        label={t('registration.sectors')}
        placeholder={t('directory.any')}
        clearable
        value={filters.sector ?? null}
        onChange={(value) => set({ sector: value ?? undefined })}
        data={props.event.sectors.map((code) => ({ value: code, label: t(`sectors.${code}`, { defaultValue: code }) }))}
      />
      <Select
        label={t('directory.language')}
        placeholder={t('directory.any')}
        clearable
        value={filters.language ?? null}
        onChange={(value) => set({ language: value ?? undefined })}
        data={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))}
      />
    </SimpleGrid>
  );
}

function Results(props: {
  event: EventDetail;
  own: Registration | null;
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters, options?: { page?: boolean }) => void;
}) {
  const { t } = useTranslation();
  const directory = useDirectory(props.event.id, props.filters);
  const [requesting, setRequesting] = useState<Delegate | null>(null);
  const anyFilter = Boolean(props.filters.q || props.filters.country || props.filters.sector || props.filters.language);
  return (
    <QueryState query={directory}>
      {(page) => (
        <Stack gap="md">
          {page.items.length === 0 ? (
            <Alert color="gray" role="status">
              {anyFilter ? t('directory.noMatch') : t('directory.empty')}
            </Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="directory-results">
              {page.items.map((delegate) => (
                <DelegateCard
                  key={delegate.registrationId}
                  delegate={delegate}
                  isSelf={delegate.registrationId === props.own?.id}
                  canRequest={props.own?.status === 'approved'}
                  onRequest={() => setRequesting(delegate)}
                />
              ))}
            </SimpleGrid>
          )}
          <Group justify="space-between">
            {props.filters.cursor ? (
              <Button variant="default" onClick={() => props.onChange({ ...props.filters, cursor: undefined })}>
                {t('directory.firstPage')}
              </Button>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Button
                variant="default"
                onClick={() =>
                  props.onChange({ ...props.filters, cursor: page.nextCursor ?? undefined }, { page: true })
                }
              >
                {t('directory.nextPage')}
              </Button>
            )}
          </Group>
          {requesting && props.own && (
            <RequestMeetingDialog
              event={props.event}
              own={props.own}
              delegate={requesting}
              onClose={() => setRequesting(null)}
            />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function DelegateCard(props: { delegate: Delegate; isSelf: boolean; canRequest: boolean; onRequest: () => void }) {
  const { t, i18n } = useTranslation();
  const { delegate } = props;
  const company = delegate.company;
  const title = companyName(company, i18n.language) ?? delegate.name;
  return (
    <Card withBorder padding="md" component="article" aria-label={title} data-testid="delegate-card">
      <Stack gap={6} h="100%">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {company && title !== company.name && (
          <Text size="sm" c="dark.4">
            {company.name}
          </Text>
        )}
        <Text size="sm">
          {delegate.name}
          {delegate.jobTitle ? ` · ${delegate.jobTitle}` : ''}
        </Text>
        <Group gap={4}>
          {company && (
            <Badge variant="light" color="gray">
              {countryName(company.country, i18n.language)}
            </Badge>
          )}
          {company?.sectors.map((sector) => (
            <Badge key={sector} variant="light" color="blue">
              {t(`sectors.${sector}`, { defaultValue: sector })}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dark.5">
          {t('directory.speaks')}: {delegate.languages.map((code) => languageName(code, i18n.language)).join(', ')}
        </Text>
        {company?.offers && (
          <Text size="sm">
            <Text span fw={700}>
              {t('directory.offers')}:
            </Text>{' '}
            {company.offers}
          </Text>
        )}
        {company?.seeks && (
          <Text size="sm">
            <Text span fw={700}>
              {t('directory.seeks')}:
            </Text>{' '}
            {company.seeks}
          </Text>
        )}
        <div style={{ marginTop: 'auto' }}>
          {props.isSelf ? (
            <Text size="sm" c="dark.4">
              {t('directory.you')}
            </Text>
          ) : (
            props.canRequest && (
              <Button size="sm" onClick={props.onRequest} aria-label={`${t('directory.request')}: ${title}`}>
                {t('directory.request')}
              </Button>
            )
          )}
        </div>
      </Stack>
    </Card>
  );
}
