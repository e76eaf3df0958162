import { Alert, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { countryName, languageName } from '@/lib/names';
import { formatDateTime } from '@/lib/time';
import { useDecision, useRegistration, useVisaState, type AdminRegistration } from '../api/registrations-admin';
import { ReasonDialog } from './reason-dialog';
import { StatusBadge } from './status-badge';

/** One person in full, with the decisions their status allows. */
export function RegistrationDetail(props: { eventId: string; registrationId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const registration = useRegistration(props.eventId, props.registrationId);
  return (
    <Drawer
      opened={props.registrationId !== null}
      onClose={props.onClose}
      position="right"
      title={registration.data?.name ?? t('registrationsAdmin.detail')}
      closeButtonProps={{ 'aria-label': t('registrationsAdmin.close') }}
    >
      {props.registrationId && (
        <QueryState query={registration}>{(r) => <Detail eventId={props.eventId} registration={r} />}</QueryState>
      )}
    </Drawer>
  );
}

function Detail(props: { eventId: string; registration: AdminRegistration }) {
  const { t, i18n } = useTranslation();
  const r = props.registration;
  const visa = useVisaState(props.eventId, r.id);
  const decision = useDecision(props.eventId);
  const [asking, setAsking] = useState<'reject' | 'cancel' | null>(null);
  const locale = intlLocale(i18n.language);
  const field = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  const c = r.company;
  return (
    <Stack gap="sm" data-testid="registration-detail">
      <Group gap="xs">
        <StatusBadge status={r.status} position={r.waitlistPosition} />
        {r.checkedInAt && (
          <Text size="sm">
            {t('registrationsAdmin.checkedIn', { when: formatDateTime(r.checkedInAt, r.timeZone, locale) })}
          </Text>
        )}
      </Group>
      {field(t('registrationsAdmin.email'), r.email)}
      {field(t('registration.jobTitle'), r.jobTitle)}
      {field(t('registrationsAdmin.company'), c && [c.name, c.nameZh, c.nameRu].filter(Boolean).join(' · '))}
      {field(t('registrationsAdmin.country'), c && countryName(c.country, i18n.language))}
      {field(t('registrationsAdmin.sector'), c?.sectors.map((s) => t(`sectors.${s}`, { defaultValue: s })).join(', '))}
      {field(t('registration.offers'), c?.offers)}
      {field(t('registration.seeks'), c?.seeks)}
      {field(t('registration.languages'), r.languages.map((l) => languageName(l, i18n.language)).join(', '))}
      {field(
        t('registrationsAdmin.interpreter'),
        r.needsInterpreter ? t('registrationsAdmin.yes') : t('registrationsAdmin.no'),
      )}
      {field(t('registration.timeZone'), r.timeZone)}
      {field(t('registrationsAdmin.registered'), formatDateTime(r.createdAt, r.timeZone, locale))}
      {field(
        t('registrationsAdmin.visa'),
        visa.data?.status ? t(`visaAdmin.statuses.${visa.data.status}`) : t('registrationsAdmin.noVisa'),
      )}
      {decision.error && (
        <Alert color="red" role="alert">
          {errorMessage(decision.error, t)}
        </Alert>
      )}
      <Group gap="xs">
        {(r.status === 'pending' || r.status === 'waitlisted') && (
          <Button
            size="xs"
            loading={decision.isPending}
            onClick={() => decision.mutate({ registrationId: r.id, action: 'approve' })}
          >
            {t('registrationsAdmin.approve')}
          </Button>
        )}
        {r.status !== 'rejected' && r.status !== 'cancelled' && (
          <>
            <Button size="xs" color="red" variant="light" onClick={() => setAsking('reject')}>
              {t('registrationsAdmin.reject')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setAsking('cancel')}>
              {t('registrationsAdmin.cancelRegistration')}
            </Button>
          </>
        )}
      </Group>
      <ReasonDialog
        opened={asking !== null}
        title={asking === 'cancel' ? t('registrationsAdmin.cancelRegistration') : t('registrationsAdmin.reject')}
        confirm={asking === 'cancel' ? t('registrationsAdmin.cancelRegistration') : t('registrationsAdmin.reject')}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => {
          if (asking) decision.mutate({ registrationId: r.id, action: asking, reason });
          setAsking(null);
        }}
      />
    </Stack>
  );
}
