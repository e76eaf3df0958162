import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { LoginForm } from '@/features/account/components/login-form';

const route = getRouteApi('/login');

export function LoginRoute() {
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  return <LoginForm redirect={redirect} onDone={() => void navigate({ to: redirect ?? '/' })} />;
}
