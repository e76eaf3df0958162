/** The organisers' registration table over the generated client: the list as the server filters, sorts and pages it; decisions. */
import type { paths, Schema } from '@roundtable/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type AdminRegistration = Schema<'RegistrationDto'>;
export type RegistrationStatus = AdminRegistration['status'];
export type BulkResult = Schema<'BulkRegistrationResultDto'>;
export type RegistrationSort = NonNullable<RegistrationFilters['sort']>;

/** What the table asks the server for, as the OpenAPI document types the list's query (paging aside). */
export type RegistrationFilters = Pick<
  NonNullable<paths['/events/{eventId}/registrations']['get']['parameters']['query']>,
  'status' | 'country' | 'sector' | 'q' | 'sort'
>;

export const PAGE_SIZE = 50;

const listKey = (eventId: string) => ['admin-registrations', eventId];

/** One numbered page of the table; the previous page stays on screen while the next loads (no flicker). */
export function useRegistrationPage(eventId: string, filters: RegistrationFilters, page: number) {
  return useQuery({
    queryKey: [...listKey(eventId), filters, page],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/registrations', {
          params: { path: { eventId }, query: { ...filters, page, limit: PAGE_SIZE } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useRegistration(eventId: string, registrationId: string | null) {
  return useQuery({
    queryKey: ['admin-registration', registrationId],
    enabled: registrationId !== null,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/registrations/{registrationId}', {
          params: { path: { eventId, registrationId: registrationId! } },
          signal,
        }),
      ),
  });
}

/** Where the person's visa letter request stands, for the detail panel. */
export function useVisaState(eventId: string, registrationId: string | null) {
  return useQuery({
    queryKey: ['admin-visa-state', registrationId],
    enabled: registrationId !== null,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/registrations/{registrationId}/visa-letter', {
          params: { path: { eventId, registrationId: registrationId! } },
          signal,
        }),
      ),
  });
}

function useRefresh(eventId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: listKey(eventId) });
    void queryClient.invalidateQueries({ queryKey: ['admin-registration'] });
  };
}

export function useBulkDecision(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({
    mutationFn: (body: Schema<'BulkRegistrationDto'>) =>
      unwrap(client.POST('/events/{eventId}/registrations/bulk', { params: { path: { eventId } }, body })),
    onSuccess: refresh,
  });
}

export function useDecision(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({
    mutationFn: ({
      registrationId,
      action,
      reason,
    }: {
      registrationId: string;
      action: 'approve' | 'reject' | 'cancel';
      reason?: string;
    }) => {
      const params = { path: { eventId, registrationId } };
      if (action === 'approve')
        return unwrap(client.POST('/events/{eventId}/registrations/{registrationId}/approve', { params }));
      if (action === 'reject')
        return unwrap(
          client.POST('/events/{eventId}/registrations/{registrationId}/reject', { params, body: { reason } }),
        );
      return unwrap(
        client.POST('/events/{eventId}/registrations/{registrationId}/cancel', { params, body: { reason } }),
      );
    },
    onSuccess: refresh,
  });
}

export function usePromote(eventId: string) {
  const refresh = useRefresh(eventId);
  return useMutation({
    mutationFn: () => unwrap(client.POST('/events/{eventId}/registrations/promote', { params: { path: { eventId } } })),
    onSuccess: refresh,
  });
}

/** The CSV of what the table shows (same filters and sort), behind the bearer token. */
export function fetchCsv(eventId: string, filters: RegistrationFilters): Promise<Blob> {
  return unwrap<Blob>(
    client.GET('/events/{eventId}/registrations.csv', {
      params: { path: { eventId }, query: filters },
      parseAs: 'blob',
    }),
  );
}
