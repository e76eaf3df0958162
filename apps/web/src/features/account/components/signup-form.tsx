import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { errorMessage } from '@/lib/errors';
import { currentLanguage } from '@/lib/i18n';
import { deviceTimeZone } from '@/lib/time';
import { useSignup } from '../api/account';
import { rememberAfterVerify } from '../api/after-verify';

export function SignupForm(props: { onSignedIn: () => void; redirect?: string }) {
  const { t } = useTranslation();
  const signup = useSignup();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signup.mutate(
      { ...form, locale: currentLanguage(), timeZone: deviceTimeZone() },
      {
        onSuccess: (result) => {
          if (result.signedIn) return props.onSignedIn();
          rememberAfterVerify(props.redirect);
          setSentTo(form.email);
        },
      },
    );
  };

  if (sentTo) {
    return (
      <Alert color="green" role="status" maw={420} mx="auto">
        {t('account.checkMail', { email: sentTo })}
      </Alert>
    );
  }

  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('account.signup')}
          </Title>
          {signup.error && (
            <Alert color="red" role="alert">
              {errorMessage(signup.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('account.name')}
            autoComplete="name"
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('account.email')}
            type="email"
            autoComplete="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('account.password')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
          />
          <Button type="submit" loading={signup.isPending}>
            {t('account.submitSignup')}
          </Button>
          <Text size="sm">
            {t('account.haveAccount')}{' '}
            <AnchorLink to="/login" search={{ redirect: props.redirect }}>
              {t('app.nav.login')}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
