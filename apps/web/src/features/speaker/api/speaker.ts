import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import { useSession } from '@/lib/session';

export type MySession = Schema<'MySessionDto'>;
export type SpeakerProfile = Schema<'SpeakerProfileDto'>;

/** Sessions where the signed-in person speaks or moderates, across events. */
export function useMySessions() {
  const session = useSession();
  return useQuery({
    queryKey: ['my-sessions', session?.user.id],
    enabled: !!session,
    staleTime: 60_000,
    queryFn: ({ signal }) => unwrap(client.GET('/me/sessions', { signal })),
    select: (list): MySession[] => list.items,
  });
}

export function useUpdateSpeakerProfile(eventId: string, sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SpeakerProfile) =>
      unwrap<Schema<'SessionDto'>>(
        client.PATCH('/events/{eventId}/sessions/{sessionId}/speaker-profile', {
          params: { path: { eventId, sessionId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['my-sessions'] }),
        queryClient.invalidateQueries({ queryKey: ['agenda', eventId] }),
      ]),
  });
}
