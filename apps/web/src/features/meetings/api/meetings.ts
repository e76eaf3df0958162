import type { Schema } from '@roundtable/api-client';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Party = Schema<'MeetingPartyDto'>;

export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';

export type MeetingRequest = Schema<'MeetingRequestWithPartiesDto'>;

export function useRequests(eventId: string) {
  return useQuery({
    queryKey: ['meeting-requests', eventId, 'all'],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/meeting-requests', { params: { path: { eventId }, query: {} }, signal })),
  });
}

type Action = 'accept' | 'decline' | 'cancel';

/** Accept, decline or cancel a request; the lists and the schedule are read again afterwards. */
export function useRequestAction(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, action }: { requestId: string; action: Action }) => {
      const params = { params: { path: { eventId, requestId } } };
      switch (action) {
        case 'accept':
          return unwrap<unknown>(client.POST('/events/{eventId}/meeting-requests/{requestId}/accept', params));
        case 'decline':
          return unwrap<unknown>(client.POST('/events/{eventId}/meeting-requests/{requestId}/decline', params));
        case 'cancel':
          return unwrap<unknown>(client.POST('/events/{eventId}/meeting-requests/{requestId}/cancel', params));
      }
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['meeting-requests', eventId] });
      await queryClient.invalidateQueries({ queryKey: ['my-meetings'] });
    },
  });
}

export type MyMeeting = Schema<'MyMeetingDto'>;

/** Also started by the schedule route's loader, before the screen's code has arrived. */
export function myMeetingsQuery() {
  return queryOptions({
    queryKey: ['my-meetings'],
    queryFn: ({ signal }) => unwrap(client.GET('/me/meetings', { params: { query: {} }, signal })),
  });
}

export function useMyMeetings() {
  return useQuery(myMeetingsQuery());
}

/** Whether a calendar link is in force (the link itself is shown only when issued); started by the route's loader. */
export function feedStateQuery() {
  return queryOptions({
    queryKey: ['calendar-feed'],
    queryFn: ({ signal }) => unwrap(client.GET('/me/calendar-feed', { signal })),
  });
}

export function useFeedState() {
  return useQuery(feedStateQuery());
}

/** A new personal calendar link (any earlier one stops working). */
export function useIssueFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/me/calendar-feed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<unknown>(client.DELETE('/me/calendar-feed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}

export type OutcomeInput = Schema<'OutcomeDto'>;

/** After a meeting: how it went, what follows, whether an agreement is expected. */
export function useRecordOutcome(eventId: string, meetingId: string) {
  return useMutation({
    mutationFn: (body: OutcomeInput) =>
      unwrap(
        client.POST('/events/{eventId}/meetings/{meetingId}/outcome', {
          params: { path: { eventId, meetingId } },
          body,
        }),
      ),
  });
}
