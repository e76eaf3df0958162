import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { errorMessage } from '@/lib/errors';
import { useLogin } from '../api/account';

export function LoginForm(props: { onDone: () => void; redirect?: string }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password }, { onSuccess: props.onDone });
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('account.login')}
          </Title>
          {login.error && (
            <Alert color="red" role="alert">
              {errorMessage(login.error, t)}
            </Alert>
          )}
          <TextInput
            label={t('account.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={login.isPending}>
            {t('account.submitLogin')}
          </Button>
          <AnchorLink to="/forgot-password" size="sm">
            {t('account.forgot')}
          </AnchorLink>
          <Text size="sm">
            {t('account.noAccount')}{' '}
            <AnchorLink to="/signup" search={{ redirect: props.redirect }}>
              {t('app.nav.signup')}
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
