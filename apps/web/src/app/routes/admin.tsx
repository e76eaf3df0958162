import { AdminPage } from '@/features/platform-admin/components/admin-page';

export function AdminRoute() {
  return <AdminPage />;
}
