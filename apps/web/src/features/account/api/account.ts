import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/client';
import { applyAccountLanguage } from '@/lib/i18n';
import { setSession, updateSessionUser, useSession, type SessionUser } from '@/lib/session';

interface TokenResponse {
  accessToken: string;
  user: SessionUser;
}

function signIn(response: TokenResponse): SessionUser {
  setSession({ token: response.accessToken, user: response.user });
  applyAccountLanguage(response.user.locale);
  return response.user;
}

export function useLogin() {
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) =>
      signIn(await api.post<TokenResponse>('/auth/login', input)),
  });
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  locale: string;
  timeZone: string;
}

/** Signs up; signs in at once when the API hands out a token, otherwise the e-mail must be verified first. */
export function useSignup() {
  return useMutation({
    mutationFn: async (input: SignupInput) => {
      const response = await api.post<Partial<TokenResponse>>('/auth/signup', input);
      return response.accessToken && response.user
        ? { signedIn: signIn(response as TokenResponse) }
        : { signedIn: null };
    },
  });
}

/** The account as the API sees it now; refreshes the stored session's copy. */
export function useMe() {
  const session = useSession();
  return useQuery({
    queryKey: ['me', session?.user.id],
    enabled: !!session,
    queryFn: async ({ signal }) => {
      const user = await api.get<SessionUser>('/me', { signal });
      updateSessionUser(user);
      return user;
    },
  });
}
