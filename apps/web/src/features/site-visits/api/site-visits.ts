import type { Schema } from '@roundtable/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import { useSession } from '@/lib/session';

export type SiteVisitSeats = Schema<'SiteVisitSeatsDto'>;
export type SignUpRow = Schema<'SiteVisitSignUpRowDto'>;

/**
 * Seats taken, left and waiting on each of the event's site visits, and the viewer's own sign-up (hence the
 * signed-in user in the key). Also started by the event route's loader, so the first paint has them.
 */
export function siteVisitSeatsQuery(eventId: string, userId: string | null) {
  return queryOptions({
    queryKey: ['site-visits', eventId, userId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/site-visits', { params: { path: { eventId } }, signal })),
  });
}

export function useSiteVisitSeats(eventId: string) {
  const session = useSession();
  return useQuery(siteVisitSeatsQuery(eventId, session?.user.id ?? null));
}

/** Sign up (a seat, or the waiting list) or cancel; the seats refresh either way, also after a refusal. */
export function useSignUp(eventId: string, sessionId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['site-visits', eventId] });
  const signUp = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/events/{eventId}/sessions/{sessionId}/sign-ups', { params: { path: { eventId, sessionId } } }),
      ),
    onSettled: refresh,
  });
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(
        client.DELETE('/events/{eventId}/sessions/{sessionId}/sign-ups/mine', {
          params: { path: { eventId, sessionId } },
        }),
      ),
    onSettled: refresh,
  });
  return { signUp, cancel };
}

/** Organisers: every sign-up of a visit, in signing-up order. */
export function useSignUps(eventId: string, sessionId: string) {
  return useQuery({
    queryKey: ['site-visit-sign-ups', eventId, sessionId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/sessions/{sessionId}/sign-ups', {
          params: { path: { eventId, sessionId } },
          signal,
        }),
      ),
  });
}
