import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { errorMessage } from '@/lib/errors';
import { useForgotPassword } from '../api/account';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    forgot.mutate(email.trim());
  };

  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('account.forgotTitle')}
          </Title>
          {forgot.isSuccess ? (
            <Alert color="green" role="status">
              {t('account.forgotSent', { email: forgot.variables })}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t('account.forgotIntro')}</Text>
              {forgot.error && (
                <Alert color="red" role="alert">
                  {errorMessage(forgot.error, t)}
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
              <Button type="submit" loading={forgot.isPending}>
                {t('account.sendLink')}
              </Button>
            </>
          )}
          <Text size="sm">
            <AnchorLink to="/login">{t('app.nav.login')}</AnchorLink>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
