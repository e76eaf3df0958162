import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '@/lib/i18n';
import { useDataAsOf, useOnline } from '@/lib/network';

/** Offline: says so, and how old what is on screen is; gone when the network is back (queries refetch then). */
export function OfflineBanner() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const asOf = useDataAsOf();
  if (online) return null;
  const when = asOf
    ? new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(asOf),
      )
    : null;
  return (
    <Alert color="orange" role="status" data-testid="offline" mb="md">
      {when ? t('app.offlineAsOf', { when }) : t('app.offline')}
    </Alert>
  );
}
