import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';

/** "New forum" in the header of a signed-in person: anyone may start one (it stays a draft until published). */
export function NewEventNavLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/events/new" size="sm">
      {t('app.nav.newEvent')}
    </AnchorLink>
  );
}
