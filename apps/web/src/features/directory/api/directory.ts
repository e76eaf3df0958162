import type { Schema } from '@roundtable/api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Delegate = Schema<'DelegateDto'>;

export interface DirectoryFilters {
  q?: string;
  country?: string;
  sector?: string;
  language?: string;
  cursor?: string;
}

export const PAGE_SIZE = 12;

export function useDirectory(eventId: string, filters: DirectoryFilters) {
  return useQuery({
    queryKey: ['directory', eventId, filters],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      unwrap<{ items: Delegate[]; nextCursor: string | null }>(
        client.GET('/events/{eventId}/delegates', {
          params: { path: { eventId }, query: { ...filters, limit: PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export interface Slot {
  index: number;
  start: string;
  end: string;
}

/** Slots both delegates can make (availability, meetings they have, a free table). */
export function useCommonSlots(eventId: string, withRegistrationId: string | null) {
  return useQuery({
    queryKey: ['common-slots', eventId, withRegistrationId],
    enabled: withRegistrationId !== null,
    staleTime: 0,
    queryFn: ({ signal }) =>
      unwrap<{ items: Slot[] }>(
        client.GET('/events/{eventId}/slots', {
          params: { path: { eventId }, query: { with: withRegistrationId ?? '' } },
          signal,
        }),
      ),
  });
}

interface RequestSummary {
  id: string;
  fromRegistrationId: string;
  status: string;
}

/** How many requests I sent that still wait for an answer (the event caps them). */
export function usePendingSent(eventId: string, ownRegistrationId: string | undefined) {
  return useQuery({
    queryKey: ['meeting-requests', eventId, 'pending'],
    enabled: ownRegistrationId !== undefined,
    queryFn: ({ signal }) =>
      unwrap<{ items: RequestSummary[] }>(
        client.GET('/events/{eventId}/meeting-requests', {
          params: { path: { eventId }, query: { status: 'pending' } },
          signal,
        }),
      ),
    select: (page) => page.items.filter((r) => r.fromRegistrationId === ownRegistrationId).length,
  });
}

export function useSendRequest(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Schema<'CreateMeetingRequestDto'>) =>
      unwrap<RequestSummary>(
        client.POST('/events/{eventId}/meeting-requests', { params: { path: { eventId } }, body: input }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['meeting-requests', eventId] }),
  });
}
