import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type { Company, Registration, RegistrationStatus } from '@/lib/my-registration';
export { useMyRegistration } from '@/lib/my-registration';

export type RegisterInput = Schema<'RegisterDto'>;

export function useRegister(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) =>
      unwrap(client.POST('/events/{eventId}/registrations', { params: { path: { eventId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-registrations'] }),
  });
}

/** The badge PDF (behind the bearer token), as a blob the page opens. */
export function fetchBadge(eventId: string, registrationId: string): Promise<Blob> {
  return unwrap<Blob>(
    client.GET('/events/{eventId}/registrations/{registrationId}/badge.pdf', {
      params: { path: { eventId, registrationId } },
      parseAs: 'blob',
    }),
  );
}

/** What the badge's QR code carries, to show it on screen (kept by the service worker for offline use). */
export function useBadgeCode(eventId: string, registrationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['badge-code', registrationId],
    enabled,
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/registrations/{registrationId}/badge', {
          params: { path: { eventId, registrationId } },
          signal,
        }),
      ),
    select: (badge) => badge.code,
  });
}

export type VisaRequestInput = Schema<'VisaRequestDto'>;

export function useVisaState(eventId: string, registrationId: string) {
  return useQuery({
    queryKey: ['visa-letter', registrationId],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET('/events/{eventId}/registrations/{registrationId}/visa-letter', {
          params: { path: { eventId, registrationId } },
          signal,
        }),
      ),
  });
}

export function useRequestVisa(eventId: string, registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VisaRequestInput) =>
      unwrap(
        client.PUT('/events/{eventId}/registrations/{registrationId}/visa-letter', {
          params: { path: { eventId, registrationId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['visa-letter', registrationId] }),
  });
}

/** The approved visa letter (behind the bearer token), as a blob the page opens. */
export function fetchVisaLetter(eventId: string, registrationId: string): Promise<Blob> {
  return unwrap<Blob>(
    client.GET('/events/{eventId}/registrations/{registrationId}/visa-letter.pdf', {
      params: { path: { eventId, registrationId } },
      parseAs: 'blob',
    }),
  );
}
