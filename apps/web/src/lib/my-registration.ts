/** The signed-in person's registrations: which one is theirs for an event (read by registration, directory, meetings). */
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from './client';
import { useSession } from './session';

export type RegistrationStatus = 'pending' | 'approved' | 'waitlisted' | 'rejected' | 'cancelled';

export interface Company {
  id: string;
  name: string;
  nameZh: string | null;
  nameRu: string | null;
  country: string;
  sectors: string[];
  website: string | null;
  offers: string | null;
  seeks: string | null;
}

export interface Registration {
  id: string;
  eventId: string;
  name: string;
  role: string;
  status: RegistrationStatus;
  jobTitle: string | null;
  languages: string[];
  needsInterpreter: boolean;
  timeZone: string;
  company: Company | null;
}

export function useMyRegistration(eventId: string) {
  const session = useSession();
  return useQuery({
    queryKey: ['my-registrations', session?.user.id],
    enabled: !!session,
    queryFn: ({ signal }) => unwrap<Registration[]>(client.GET('/me/registrations', { signal })),
    select: (registrations) => registrations.find((r) => r.eventId === eventId && r.status !== 'cancelled') ?? null,
  });
}
