import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schema } from '@roundtable/api-client';
import { client, unwrap } from '@/lib/client';

/** The co-organiser invitation mail's link: accepted by the signed-in, confirmed owner of the address it went to. */
export function useAcceptOrganiserInvitation(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      unwrap<unknown>(
        client.POST('/events/{eventId}/organisers/accept', { params: { path: { eventId } }, body: { token } }),
      ),
    // A draft becomes readable to its new organiser.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['event', eventId] }),
  });
}

export type Organiser = Schema<'OrganiserDto'>;

/**
 * The event's organisers; the API answers only organisers (and platform admins), so a successful read also
 * says the signed-in person may run the event. Asked only for someone signed in.
 */
export function useOrganisers(eventId: string, userId: string | undefined) {
  return useQuery({
    queryKey: ['organisers', eventId, userId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/organisers', { params: { path: { eventId } }, signal })),
    enabled: !!userId,
  });
}
