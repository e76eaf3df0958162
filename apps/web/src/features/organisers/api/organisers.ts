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

export type EventInput = Schema<'CreateEventDto'>;
type EventView = Schema<'EventDto'>;

/** A new draft event; its creator becomes its organiser. */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EventInput) => unwrap(client.POST('/events', { body })),
    onSuccess: (event) => {
      queryClient.setQueryData(['event', event.id], event);
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useUpdateEvent(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'UpdateEventDto'>) =>
      unwrap(client.PATCH('/events/{eventId}', { params: { path: { eventId } }, body })),
    onSuccess: (event) => afterChange(queryClient, event),
  });
}

export type StatusChange = 'publish' | 'close' | 'cancel';

/** Publish a draft, close a published event, cancel either (everyone registered is told, with the reason). */
export function useChangeStatus(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, reason }: { change: StatusChange; reason?: string }) => {
      const params = { params: { path: { eventId } } };
      switch (change) {
        case 'publish':
          return unwrap(client.POST('/events/{eventId}/publish', params));
        case 'close':
          return unwrap(client.POST('/events/{eventId}/close', params));
        case 'cancel':
          return unwrap(client.POST('/events/{eventId}/cancel', { ...params, body: reason ? { reason } : {} }));
      }
    },
    onSuccess: (event) => afterChange(queryClient, event),
  });
}

function afterChange(queryClient: ReturnType<typeof useQueryClient>, event: EventView): void {
  queryClient.setQueryData(['event', event.id], event);
  void queryClient.invalidateQueries({ queryKey: ['events'] });
  void queryClient.invalidateQueries({ queryKey: ['agenda', event.id] });
}

/** Sends the co-organiser invitation mail; the answer never says whether the address has an account. */
export function useInviteOrganiser(eventId: string) {
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(client.POST('/events/{eventId}/organisers', { params: { path: { eventId } }, body: { email } })),
  });
}

export function useRemoveOrganiser(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(client.DELETE('/events/{eventId}/organisers/{userId}', { params: { path: { eventId, userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisers', eventId] }),
  });
}
