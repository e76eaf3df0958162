import { Box, Button, Container, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setSession, useSession } from '@/lib/session';
import { AnchorLink, ButtonLink } from './links';
import { LanguageSwitcher } from './language-switcher';
import { OfflineBanner } from './offline-banner';
import classes from './app-layout.module.css';

/** The page frame; `nav` adds the signed-in person's links that features offer (composed by the app). */
export function AppLayout(props: { nav?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const logout = () => {
    setSession(null);
    queryClient.clear();
    void navigate({ to: '/' });
  };

  return (
    <>
      <a className={classes.skip} href="#main">
        {t('app.skip')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg">
          <Group justify="space-between" wrap="wrap" gap="xs" py={8}>
            <AnchorLink to="/" fw={700} c="blue.9" underline="never">
              {t('app.name')}
            </AnchorLink>
            <Group gap="xs" wrap="wrap" component="nav" aria-label={t('app.name')}>
              <LanguageSwitcher />
              {session ? (
                <>
                  {props.nav}
                  <AnchorLink to="/account" size="sm">
                    <Text span size="sm" fw={500}>
                      {session.user.name}
                    </Text>
                  </AnchorLink>
                  <Button variant="subtle" size="compact-sm" onClick={logout}>
                    {t('app.nav.logout')}
                  </Button>
                </>
              ) : (
                <>
                  <ButtonLink to="/login" variant="subtle" size="compact-sm">
                    {t('app.nav.login')}
                  </ButtonLink>
                  <ButtonLink to="/signup" variant="light" size="compact-sm">
                    {t('app.nav.signup')}
                  </ButtonLink>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" component="main" id="main" py="md" className={classes.main}>
        <OfflineBanner />
        <Outlet />
      </Container>
    </>
  );
}
