import type { Schema } from '@roundtable/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
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
