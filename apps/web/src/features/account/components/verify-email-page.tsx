import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '@/components/links';
import { ApiError } from '@/lib/client';
import { errorMessage } from '@/lib/errors';
import { useSession } from '@/lib/session';
import { useResendVerification, useVerifyEmail } from '../api/account';
import { afterVerifyTarget, forgetAfterVerify } from '../api/after-verify';

/** Where the confirmation mail's link lands: confirms at once (the token is single-use) and signs the owner in. */
export function VerifyEmailPage(props: { token?: string; onContinue: (target: string) => void }) {
  const { t } = useTranslation();
  const [target] = useState(afterVerifyTarget);
  const verify = useVerifyEmail();
  const sent = useRef(false);
  const { token } = props;
  const { mutate } = verify;

  useEffect(() => {
    // Once only, also under StrictMode's double effects: a second POST would find the token used.
    if (!token || sent.current) return;
    sent.current = true;
    mutate(token);
  }, [token, mutate]);

  return (
    <Paper withBorder p="lg" maw={480} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('account.verifyTitle')}
        </Title>
        {!token ? (
          <Alert color="red" role="alert">
            {t('account.noToken')}
          </Alert>
        ) : verify.isSuccess ? (
          <>
            <Alert color="green" role="status">
              {t('account.verified', { email: verify.data.email })}
            </Alert>
            {target ? (
              <Button
                onClick={() => {
                  forgetAfterVerify();
                  props.onContinue(target);
                }}
              >
                {t('account.continue')}
              </Button>
            ) : (
              <ButtonLink to="/">{t('account.toEvents')}</ButtonLink>
            )}
          </>
        ) : verify.error ? (
          <>
            <Alert color="red" role="alert">
              {errorMessage(verify.error, t)}
            </Alert>
            {verify.error instanceof ApiError && verify.error.code.startsWith('LINK_') && <ResendLink />}
          </>
        ) : (
          <Stack align="center" aria-busy="true">
            <Loader aria-label={t('account.verifying')} />
            <Text>{t('account.verifying')}</Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** A new confirmation link goes to the signed-in account; a visitor logs in first. */
export function ResendLink() {
  const { t } = useTranslation();
  const session = useSession();
  const resend = useResendVerification();
  if (!session) {
    return (
      <Text size="sm">
        <AnchorLink to="/login" search={{ redirect: '/account' }}>
          {t('account.loginToResend')}
        </AnchorLink>
      </Text>
    );
  }
  if (resend.isSuccess) {
    return (
      <Alert color="green" role="status">
        {t('account.resent', { email: session.user.email })}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {resend.error && (
        <Alert color="red" role="alert">
          {errorMessage(resend.error, t)}
        </Alert>
      )}
      <Button variant="light" onClick={() => resend.mutate()} loading={resend.isPending}>
        {t('account.resend')}
      </Button>
    </Stack>
  );
}
