/** The signed-in person's registrations: which one is theirs for an event (read by registration, directory, meetings). */
import type { Schema } from '@roundtable/api-client';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from './client';
import { useSession } from './session';

export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';

export type Company = Schema<'CompanyDto'>;
export type Registration = Schema<'RegistrationDto'>;

export function useMyRegistration(eventId: string) {
  const session = useSession();
  return useQuery({
    queryKey: ['my-registrations', session?.user.id],
    enabled: !!session,
    queryFn: ({ signal }) => unwrap(client.GET('/me/registrations', { signal })),
    select: (registrations): Registration | null =>
      registrations.items.find((r) => r.eventId === eventId && r.status !== 'cancelled') ?? null,
  });
}
