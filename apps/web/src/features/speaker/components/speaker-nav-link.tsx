import { useTranslation } from 'react-i18next';
import { AnchorLink } from '@/components/links';
import { useMySessions } from '../api/speaker';

/** "My sessions" in the header, for people who speak or moderate somewhere (nobody else needs it). */
export function SpeakerNavLink() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  if (!sessions.data?.length) return null;
  return (
    <AnchorLink to="/speaker" size="sm">
      {t('app.nav.speaker')}
    </AnchorLink>
  );
}
