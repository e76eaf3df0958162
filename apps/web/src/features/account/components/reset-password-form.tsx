import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '@/components/links';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useResetPassword } from '../api/account';
import { NewPasswordFields, newPasswordValid } from './new-password-fields';

/** Where the reset mail's link lands: a new password, then signed in (every other session ends). */
export function ResetPasswordForm(props: { token?: string }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [value, setValue] = useState({ password: '', repeat: '' });
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (props.token && newPasswordValid(value)) reset.mutate({ token: props.token, password: value.password });
  };

  const linkBroken = !props.token || (reset.error instanceof ApiError && reset.error.code.startsWith('LINK_'));
  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h3">
            {t('account.resetTitle')}
          </Title>
          {reset.isSuccess ? (
            <>
              <Alert color="green" role="status">
                {t('account.resetDone')}
              </Alert>
              <ButtonLink to="/account">{t('account.toAccount')}</ButtonLink>
            </>
          ) : (
            <>
              {!props.token && (
                <Alert color="red" role="alert">
                  {t('account.noToken')}
                </Alert>
              )}
              {reset.error && (
                <Alert color="red" role="alert">
                  {errorMessage(reset.error, t)}
                </Alert>
              )}
              {linkBroken ? (
                <Text>
                  <AnchorLink to="/forgot-password">{t('account.requestNewLink')}</AnchorLink>
                </Text>
              ) : (
                <>
                  <NewPasswordFields value={value} onChange={setValue} showErrors={tried} />
                  <Button type="submit" loading={reset.isPending}>
                    {t('account.savePassword')}
                  </Button>
                </>
              )}
            </>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
