import type { Schema } from '@roundtable/api-client';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Dashboard = Schema<'DashboardDto'>;

/** The event at a glance; refreshed every minute while the screen is open (registrations and mail keep moving). */
export function useDashboard(eventId: string) {
  return useQuery({
    queryKey: ['dashboard', eventId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/dashboard', { params: { path: { eventId } }, signal })),
    refetchInterval: 60_000,
    retry: false,
  });
}
