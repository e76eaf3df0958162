import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import { useSession } from '@/lib/session';

export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';

export type Company = Schema<'CompanyDto'>;
export type Registration = Schema<'RegistrationDto'>;

export type RegisterInput = Schema<'RegisterDto'>;

export function useMyRegistration(eventId: string) {
  const session = useSession();
  return useQuery({
    queryKey: ['my-registrations', session?.user.id],
    enabled: !!session,
    queryFn: ({ signal }) => unwrap(client.GET('/me/registrations', { signal })),
    select: (registrations) =>
      registrations.items.find((r) => r.eventId === eventId && r.status !== 'cancelled') ?? null,
  });
}

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
