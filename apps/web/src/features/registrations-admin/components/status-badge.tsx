import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../api/registrations-admin';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  pending: 'yellow',
  approved: 'green',
  waitlisted: 'orange',
  rejected: 'red',
  cancelled: 'gray',
};

/** A registration's status in words (and its place, when on the waiting list). */
export function StatusBadge(props: { status: RegistrationStatus; position?: number | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[props.status]} variant="light" autoContrast>
      {t(`registration.statuses.${props.status}`)}
      {props.status === 'waitlisted' && props.position
        ? ` · ${t('registrationsAdmin.position', { position: props.position })}`
        : ''}
    </Badge>
  );
}
