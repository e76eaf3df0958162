import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';
import { applyAccountLanguage, type Language } from '@/lib/i18n';
import { setSession, updateSessionUser, useSession, type SessionUser } from '@/lib/session';

type TokenResponse = Schema<'TokenResponseDto'>;

export interface Account extends SessionUser {
  emailVerified: boolean;
}

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
      const user: Account = await unwrap(client.GET('/me', { signal }));
      updateSessionUser(user);
      return user;
    },
  });
}

/** The mailed confirmation link: confirms the address and signs its owner in. */
export function useVerifyEmail() {
  return useMutation({
    mutationFn: async (token: string) =>
      signIn(await unwrap<TokenResponse>(client.POST('/auth/verify-email', { body: { token } }))),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: () => unwrap<unknown>(client.POST('/auth/verify-email/resend')),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => unwrap<unknown>(client.POST('/auth/forgot-password', { body: { email } })),
  });
}

/** The mailed reset link: a new password, every other session ended, this one signed in. */
export function useResetPassword() {
  return useMutation({
    mutationFn: async (input: { token: string; password: string }) =>
      signIn(await unwrap<TokenResponse>(client.POST('/auth/reset-password', { body: input }))),
  });
}

/** Every session ends on a change; the new token it returns keeps this one going. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) =>
      signIn(await unwrap<TokenResponse>(client.POST('/auth/change-password', { body: input }))),
  });
}

export interface Settings {
  name?: string;
  locale?: Language;
  timeZone?: string;
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: Settings) => unwrap<Account>(client.PATCH('/me', { body: settings })),
    onSuccess: (user) => {
      updateSessionUser(user);
      applyAccountLanguage(user.locale);
      queryClient.setQueryData(['me', user.id], user);
    },
  });
}
