import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { localized, type EventDetail } from '@/lib/events';
import { COUNTRIES, countryName } from '@/lib/names';
import {
  fetchBadge,
  fetchVisaLetter,
  useBadgeCode,
  useRequestVisa,
  useVisaState,
  type Registration,
  type VisaRequestInput,
} from '../api/registration';

const STATUS_COLORS = {
  pending: 'yellow',
  approved: 'green',
  waitlisted: 'orange',
  rejected: 'red',
  cancelled: 'gray',
};

/** Hands a fetched file to the browser as a download with a readable name. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where my registration stands; once approved the badge (QR on screen, PDF); the visa letter. */
export function RegistrationStatusCard(props: { event: EventDetail; registration: Registration }) {
  const { t, i18n } = useTranslation();
  const { registration, event } = props;
  return (
    <Stack maw={720} mx="auto" gap="md">
      <Paper withBorder p="lg">
        <Stack>
          <Title order={1} size="h3">
            {localized(event, i18n.language).name}
          </Title>
          <Group>
            <Text fw={500}>{t('registration.status')}:</Text>
            <Badge
              color={STATUS_COLORS[registration.status]}
              c="dark.8"
              size="lg"
              variant="light"
              data-testid="registration-status"
            >
              {t(`registration.statuses.${registration.status}`)}
            </Badge>
          </Group>
          <Text>{t(`registration.explain.${registration.status}`)}</Text>
          {registration.status === 'waitlisted' && registration.waitlistPosition !== null && (
            <Text fw={600} data-testid="waitlist-position">
              {t('registration.waitlistPosition', { position: registration.waitlistPosition })}
            </Text>
          )}
          {registration.company && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {[registration.company.name, registration.company.nameZh, registration.company.nameRu]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </Stack>
      </Paper>
      {registration.status === 'approved' && <BadgeCard eventId={event.id} registration={registration} />}
      {['approved', 'pending', 'waitlisted'].includes(registration.status) && (
        <VisaCard eventId={event.id} registrationId={registration.id} />
      )}
    </Stack>
  );
}

function BadgeCard(props: { eventId: string; registration: Registration }) {
  const { t } = useTranslation();
  const code = useBadgeCode(props.eventId, props.registration.id, true);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const download = async () => {
    setPdfError(null);
    try {
      saveFile(await fetchBadge(props.eventId, props.registration.id), 'badge.pdf');
    } catch (error) {
      setPdfError(error);
    }
  };
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="badge-title">
      <Stack>
        <Title order={2} size="h4" id="badge-title">
          {t('registration.badgeTitle')}
        </Title>
        <Text size="sm">{t('registration.badgeHint')}</Text>
        {code.data && (
          <Center>
            <QRCodeSVG
              value={code.data}
              size={208}
              level="M"
              marginSize={2}
              role="img"
              title={t('registration.badgeQr', { name: props.registration.name })}
              data-testid="badge-qr"
              data-code={code.data}
            />
          </Center>
        )}
        {code.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(code.error, t)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void download()}>{t('registration.badge')}</Button>
        </Group>
        {pdfError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(pdfError, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** The visa request's date fields, in the order the form asks for them. */
const VISA_DATES = ['dateOfBirth', 'passportExpiresOn', 'entryOn', 'exitOn'] as const;

const EMPTY_VISA: VisaRequestInput = {
  fullName: '',
  nationality: '',
  passportNumber: '',
  dateOfBirth: '',
  passportExpiresOn: '',
  entryOn: '',
  exitOn: '',
};

function VisaCard(props: { eventId: string; registrationId: string }) {
  const { t, i18n } = useTranslation();
  const state = useVisaState(props.eventId, props.registrationId);
  const request = useRequestVisa(props.eventId, props.registrationId);
  const [form, setForm] = useState(EMPTY_VISA);
  const [problem, setProblem] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const set = (patch: Partial<VisaRequestInput>) => setForm({ ...form, ...patch });
  const status = state.data?.status ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form, fullName: form.fullName.trim(), passportNumber: form.passportNumber.trim().toUpperCase() };
    if (Object.values(body).some((v) => !v)) return setProblem(t('visa.missing'));
    if (!/^[A-Z0-9]{5,20}$/.test(body.passportNumber)) return setProblem(t('visa.badPassport'));
    if (body.exitOn < body.entryOn) return setProblem(t('visa.exitBeforeEntry'));
    setProblem(null);
    request.mutate(body);
  };
  const download = async () => {
    setDownloadError(null);
    try {
      saveFile(await fetchVisaLetter(props.eventId, props.registrationId), 'visa-letter.pdf');
    } catch (error) {
      setDownloadError(error);
    }
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="visa-title">
      <Stack>
        <Title order={2} size="h4" id="visa-title">
          {t('visa.title')}
        </Title>
        <Text size="sm">{t('visa.intro')}</Text>
        {status && (
          <Alert color={status === 'approved' ? 'green' : status === 'rejected' ? 'red' : 'blue'} role="status">
            <span data-testid="visa-status">{t(`visa.states.${status}`)}</span>
            {status === 'rejected' && state.data?.reason && (
              <Text size="sm" mt={4} data-testid="visa-reason">
                {t('visa.reason', { reason: state.data.reason })}
              </Text>
            )}
            {status === 'approved' && state.data?.reference && (
              <Text size="sm" mt={4} data-testid="visa-reference">
                {t('visa.reference', { reference: state.data.reference })}
              </Text>
            )}
          </Alert>
        )}
        {status === 'approved' && (
          <Group>
            <Button onClick={() => void download()}>{t('visa.download')}</Button>
          </Group>
        )}
        {downloadError !== null && (
          <Alert color="red" role="alert">
            {errorMessage(downloadError, t)}
          </Alert>
        )}
        {state.isSuccess && (status === null || status === 'rejected') && (
          <form onSubmit={submit} noValidate>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('visa.fullName')}
                  required
                  value={form.fullName}
                  onChange={(e) => set({ fullName: e.currentTarget.value })}
                />
                <Select
                  label={t('visa.nationality')}
                  required
                  searchable
                  value={form.nationality || null}
                  onChange={(v) => set({ nationality: v ?? '' })}
                  data={COUNTRIES.map((c) => ({ value: c, label: countryName(c, i18n.language) }))}
                />
                <TextInput
                  label={t('visa.passportNumber')}
                  required
                  value={form.passportNumber}
                  onChange={(e) => set({ passportNumber: e.currentTarget.value })}
                />
                {VISA_DATES.map((field) => (
                  <TextInput
                    key={field}
                    label={t(`visa.${field}`)}
                    type="date"
                    required
                    value={form[field]}
                    onChange={(e) => set({ [field]: e.currentTarget.value })}
                  />
                ))}
              </SimpleGrid>
              {(problem ?? request.error) && (
                <Alert color="red" role="alert">
                  {problem ?? errorMessage(request.error, t)}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={request.isPending}>
                  {t('visa.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {state.error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(state.error, t)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
