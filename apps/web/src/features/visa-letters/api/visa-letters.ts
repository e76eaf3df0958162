/** Visa letters over the generated client: the organisers' requests and decisions, the letter, the public check. */
import type { Schema } from '@roundtable/api-client';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type VisaRequest = Schema<'VisaLetterRequestDto'>;
export type VisaStatus = VisaRequest['status'];
export type VisaCheck = Schema<'VisaLetterCheckDto'>;

const listKey = (eventId: string) => ['visa-requests', eventId];

export function useVisaRequests(eventId: string, status: VisaStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...listKey(eventId), status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/events/{eventId}/visa-letters', {
          params: { path: { eventId }, query: { status, cursor: pageParam, limit: 100 } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
}

export function useVisaDecision(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      registrationId,
      approve,
      reason,
    }: {
      registrationId: string;
      approve: boolean;
      reason?: string;
    }) => {
      const params = { path: { eventId, registrationId } };
      return approve
        ? unwrap(client.POST('/events/{eventId}/registrations/{registrationId}/visa-letter/approve', { params }))
        : unwrap(
            client.POST('/events/{eventId}/registrations/{registrationId}/visa-letter/reject', {
              params,
              body: { reason },
            }),
          );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(eventId) }),
  });
}

/** The approved letter (behind the bearer token), as a blob the page opens. */
export function fetchLetter(eventId: string, registrationId: string): Promise<Blob> {
  return unwrap<Blob>(
    client.GET('/events/{eventId}/registrations/{registrationId}/visa-letter.pdf', {
      params: { path: { eventId, registrationId } },
      parseAs: 'blob',
    }),
  );
}

/** The public check of a letter by its reference; no account needed. */
export function useVisaCheck(reference: string) {
  return useQuery({
    queryKey: ['visa-check', reference],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/visa-letters/{reference}', { params: { path: { reference } }, signal })),
    retry: false,
  });
}
