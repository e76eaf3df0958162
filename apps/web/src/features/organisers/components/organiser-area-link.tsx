import { useTranslation } from 'react-i18next';
import { ButtonLink } from '@/components/links';
import { useSession } from '@/lib/session';
import { useOrganisers } from '../api/organisers';

/** On the public event page: the way into the organiser screens, for those who organise this event (and admins). */
export function OrganiserAreaLink(props: { eventId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const organisers = useOrganisers(props.eventId, session?.user.id);
  if (!session || !organisers.isSuccess) return null;
  return (
    <ButtonLink to="/events/$eventId/manage" params={{ eventId: props.eventId }} variant="filled" color="dark">
      {t('organiser.manage')}
    </ButtonLink>
  );
}
