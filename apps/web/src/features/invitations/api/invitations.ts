/** Invitations over the generated client: sending a list in pieces, the list of invitations, resend. */
import type { Schema } from '@roundtable/api-client';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import type { InvitationRow } from '../model/invitation-csv';

export type Invitation = Schema<'InvitationDto'>;
export type InvitationStatus = Invitation['status'];
export type InvitationResult = Schema<'InvitationResultDto'>;

const listKey = (eventId: string) => ['invitations', eventId];

export function useInvitations(eventId: string, status: InvitationStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...listKey(eventId), status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        client.GET('/events/{eventId}/invitations', {
          params: { path: { eventId }, query: { status, cursor: pageParam, limit: 50 } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: false,
  });
}

/** One piece of a large list (the API checks each row, invites the good ones, names the bad ones). */
export function sendInvitations(eventId: string, rows: InvitationRow[]): Promise<InvitationResult> {
  return unwrap(
    client.POST('/events/{eventId}/invitations', {
      params: { path: { eventId } },
      body: {
        invitations: rows.map(({ email, name, company, country, locale, role }) => ({
          email,
          name,
          company,
          country,
          locale,
          role,
          allowLateRegistration: false,
        })),
      },
    }),
  );
}

export function useRefreshInvitations(eventId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: listKey(eventId) });
}

export function useResend(eventId: string) {
  const refresh = useRefreshInvitations(eventId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      unwrap(
        client.POST('/events/{eventId}/invitations/{invitationId}/resend', {
          params: { path: { eventId, invitationId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
}
