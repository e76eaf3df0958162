import { getRouteApi } from '@tanstack/react-router';
import { VisaCheckPage } from '@/features/visa-letters/components/visa-check-page';

const route = getRouteApi('/visa-letters/verify/$reference');

export function VisaCheckRoute() {
  const { reference } = route.useParams();
  return <VisaCheckPage reference={reference} />;
}
