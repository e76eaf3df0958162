import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import { applyAccountLanguage, type Language } from '@/lib/i18n';
import { setSession, updateSessionUser, useSession, type SessionUser } from '@/lib/session';

type TokenResponse = Schema<'TokenResponseDto'>;

function signIn(response: TokenResponse): SessionUser {
  setSession({ token: response.accessToken, user: response.user });
  applyAccountLanguage(response.user.locale);
  return response.user;
}

export function useLogin() {
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) =>
      signIn(await unwrap(client.POST('/auth/login', { body: input }))),
  });
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  locale: Language;
  timeZone: string;
}

/** Signs up; signs in at once when the API hands out a token, otherwise the e-mail must be verified first. */
export function useSignup() {
  return useMutation({
    mutationFn: async (input: SignupInput) => {
      // 202 `{ message }` since e-mail verification; a token only from an api that signs up and in at once
      const response: { message?: string } & Partial<TokenResponse> = await unwrap(
        client.POST('/auth/signup', { body: input }),
      );
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
      const user = await unwrap(client.GET('/me', { signal }));
      updateSessionUser(user);
      return user;
    },
  });
}
