/** The agenda as organisers edit it, over the generated client: rooms, sessions and their speakers. */
import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Room = Schema<'RoomDto'>;
export type Session = Schema<'SessionDto'>;
export type SessionInput = Schema<'CreateSessionDto'>;
export type SessionChange = Schema<'UpdateSessionDto'>;
export type SpeakerInput = Schema<'SpeakerInputDto'>;

const key = (eventId: string) => ['agenda-editor', eventId];

/**
 * Whether the signed-in person organises the event: rooms and sessions of a published event are public, so
 * the editor asks the organiser list, which the API answers only to organisers (and platform admins).
 */
export function useOrganiserAccess(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'access'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/organisers', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

export function useRooms(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'rooms'],
    queryFn: ({ signal }) => unwrap(client.GET('/events/{eventId}/rooms', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

export function useSessions(eventId: string) {
  return useQuery({
    queryKey: [...key(eventId), 'sessions'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/sessions', { params: { path: { eventId } }, signal })),
    retry: false,
  });
}

function useChange<T, R>(eventId: string, call: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(eventId) });
      // the public agenda shows the same sessions
      void queryClient.invalidateQueries({ queryKey: ['agenda', eventId] });
    },
  });
}

export function useAddRoom(eventId: string) {
  return useChange(eventId, (name: string) =>
    unwrap(client.POST('/events/{eventId}/rooms', { params: { path: { eventId } }, body: { name } })),
  );
}

export function useCreateSession(eventId: string) {
  return useChange(eventId, (body: SessionInput) =>
    unwrap(client.POST('/events/{eventId}/sessions', { params: { path: { eventId } }, body })),
  );
}

export function useUpdateSession(eventId: string) {
  return useChange(eventId, ({ sessionId, body }: { sessionId: string; body: SessionChange }) =>
    unwrap(client.PATCH('/events/{eventId}/sessions/{sessionId}', { params: { path: { eventId, sessionId } }, body })),
  );
}

export function useDeleteSession(eventId: string) {
  return useChange(eventId, (sessionId: string) =>
    unwrap(client.DELETE('/events/{eventId}/sessions/{sessionId}', { params: { path: { eventId, sessionId } } })),
  );
}

export function useAddSpeaker(eventId: string) {
  return useChange(eventId, ({ sessionId, body }: { sessionId: string; body: SpeakerInput }) =>
    unwrap(
      client.POST('/events/{eventId}/sessions/{sessionId}/speakers', {
        params: { path: { eventId, sessionId } },
        body,
      }),
    ),
  );
}
