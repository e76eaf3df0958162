import { Navigate } from '@tanstack/react-router';
import { AccountPage } from '@/features/account/components/account-page';
import { useSession } from '@/lib/session';

export function AccountRoute() {
  const session = useSession();
  if (!session) return <Navigate to="/login" search={{ redirect: '/account' }} replace />;
  return <AccountPage />;
}
