/** The screens the account mails link to (PUBLIC_URL/app/verify-email, /reset-password, /forgot-password). */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ForgotPasswordForm } from '@/features/account/components/forgot-password-form';
import { ResetPasswordForm } from '@/features/account/components/reset-password-form';
import { VerifyEmailPage } from '@/features/account/components/verify-email-page';

const verifyRoute = getRouteApi('/verify-email');
const resetRoute = getRouteApi('/reset-password');

export function VerifyEmailRoute() {
  const { token } = verifyRoute.useSearch();
  const navigate = useNavigate();
  return <VerifyEmailPage token={token} onContinue={(target) => void navigate({ to: target })} />;
}

export function ForgotPasswordRoute() {
  return <ForgotPasswordForm />;
}

export function ResetPasswordRoute() {
  const { token } = resetRoute.useSearch();
  return <ResetPasswordForm token={token} />;
}
