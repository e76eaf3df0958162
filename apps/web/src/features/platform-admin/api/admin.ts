import type { Schema } from '@roundtable/api-client';
import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type AdminEvent = Schema<'AdminEventDto'>;
type AdminEventPage = Schema<'AdminEventPageDto'>;

const KEY = ['admin-events'];

/** Every event, drafts included, newest first, a page at a time (platform admins only). */
export function useAdminEvents() {
  return useInfiniteQuery({
    queryKey: KEY,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/admin/events', {
          params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

/** Trust (or stop trusting) an event for invitation volume; the answer is written into the loaded list. */
export function useSetTrusted() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, trusted }: { eventId: string; trusted: boolean }) =>
      trusted
        ? unwrap(client.POST('/admin/events/{eventId}/trust', { params: { path: { eventId } } }))
        : unwrap(client.POST('/admin/events/{eventId}/untrust', { params: { path: { eventId } } })),
    onSuccess: (event) =>
      queryClient.setQueryData<InfiniteData<AdminEventPage>>(KEY, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, items: p.items.map((e) => (e.id === event.id ? event : e)) })),
            }
          : data,
      ),
  });
}
