/** The event's mail over the generated client: the delivery list (filtered on the server), its facets, retry. */
import type { Schema } from '@roundtable/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Notification = Schema<'NotificationDto'>;
export type MailStatus = Notification['status'];
export interface MailFilters {
  status?: MailStatus;
  type?: string;
}

const key = (eventId: string) => ['mail', eventId];
const PAGE = 50;

export function useMail(eventId: string, filters: MailFilters) {
  return useInfiniteQuery({
    queryKey: [...key(eventId), 'list', filters.status ?? '', filters.type ?? ''],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/events/{eventId}/notifications', {
          params: { path: { eventId }, query: { ...filters, limit: PAGE, cursor: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    retry: false,
  });
}

export function useMailFacets(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'facets'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/notifications/facets', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

export function useRetryMail(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(client.POST('/notifications/{notificationId}/retry', { params: { path: { notificationId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(eventId) }),
  });
}
