import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { useSession } from '@/lib/session';

/** "Platform admin" in the header, for platform admins only. */
export function AdminNavLink() {
  const { t } = useTranslation();
  const session = useSession();
  if (session?.user.platformRole !== 'admin') return null;
  return (
    <AnchorLink to="/admin" size="sm">
      {t('app.nav.admin')}
    </AnchorLink>
  );
}
