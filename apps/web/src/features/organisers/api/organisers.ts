import { useMutation, useQueryClient } from '@tanstack/react-query';
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
