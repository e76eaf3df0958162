import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { SignupForm } from '@/features/account/components/signup-form';

const route = getRouteApi('/signup');

export function SignupRoute() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  return <SignupForm redirect={redirect} onSignedIn={() => void navigate({ to: redirect ?? '/' })} />;
}
