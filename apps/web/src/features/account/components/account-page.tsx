import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { isLanguage, LANGUAGES } from '@/lib/i18n';
import { languageName } from '@/lib/names';
import { zoneOptions } from '@/lib/time';
import { useChangePassword, useMe, useUpdateSettings, type Account } from '../api/account';
import { NewPasswordFields, newPasswordValid } from './new-password-fields';
import { ResendLink } from './verify-email-page';

/** The signed-in person's account: address and its confirmation, settings, password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack maw={560} mx="auto">
      <Title order={1} size="h3">
        {t('account.profile')}
      </Title>
      <QueryState query={me}>
        {(user) => (
          <>
            <Paper withBorder p="lg">
              <Stack gap="xs">
                <Group gap="xs" wrap="wrap">
                  <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {user.email}
                  </Text>
                  <Badge color={user.emailVerified ? 'green' : 'orange'} variant="light" data-testid="email-status">
                    {user.emailVerified ? t('account.verifiedBadge') : t('account.notVerifiedBadge')}
                  </Badge>
                </Group>
                {!user.emailVerified && (
                  <>
                    <Text size="sm">{t('account.notVerified')}</Text>
                    <ResendLink />
                  </>
                )}
              </Stack>
            </Paper>
            <SettingsForm user={user} />
            <ChangePasswordForm />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function SettingsForm(props: { user: Account }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSettings();
  const [form, setForm] = useState({
    name: props.user.name,
    locale: isLanguage(props.user.locale) ? props.user.locale : 'en',
    timeZone: props.user.timeZone,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ name: form.name.trim(), locale: form.locale, timeZone: form.timeZone });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="settings-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="settings-title">
            {t('account.settings')}
          </Title>
          {update.isSuccess && (
            <Alert color="green" role="status">
              {t('account.settingsSaved')}
            </Alert>
          )}
          {update.error && (
            <Alert color="red" role="alert">
              {errorMessage(update.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('account.name')}
            autoComplete="name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <Select
            label={t('account.locale')}
            description={t('account.localeHint')}
            allowDeselect={false}
            value={form.locale}
            onChange={(value) => isLanguage(value) && setForm({ ...form, locale: value })}
            data={LANGUAGES.map((code) => ({
              value: code,
              // Each language in its own words and in the reader's, so it can be found whichever is read.
              label:
                code === i18n.language
                  ? languageName(code, code)
                  : `${languageName(code, code)} — ${languageName(code, i18n.language)}`,
            }))}
          />
          <Select
            label={t('account.timeZone')}
            description={t('account.timeZoneHint')}
            searchable
            allowDeselect={false}
            value={form.timeZone}
            onChange={(value) => value && setForm({ ...form, timeZone: value })}
            data={zoneOptions()}
          />
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.saveSettings')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState({ password: '', repeat: '' });
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!current || !newPasswordValid(value)) return;
    change.mutate(
      { currentPassword: current, newPassword: value.password },
      {
        onSuccess: () => {
          setCurrent('');
          setValue({ password: '', repeat: '' });
          setTried(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="password-title">
            {t('account.changePassword')}
          </Title>
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('account.passwordChanged')}
            </Alert>
          )}
          {change.error && (
            <Alert color="red" role="alert">
              {errorMessage(change.error, t)}
            </Alert>
          )}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            error={tried && !current ? t('errors.VALIDATION_FAILED') : undefined}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <NewPasswordFields value={value} onChange={setValue} showErrors={tried} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.submitChangePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
